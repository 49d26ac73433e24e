/**
 * One CloudFront distribution in front of everything: the dashboard registers itself at `/`
 * (infra/web.ts), the API function at `/api` (infra/api.ts). No inline `routes`: SST v4
 * refuses components routing through a Router that has them. SST's Router compresses (gzip and
 * brotli) every cacheable answer and serves HTTPS only.
 *
 * A custom domain (README, "Custom domain"), read when deploying: KEHOACH_DOMAIN names it and
 * KEHOACH_DOMAIN_CERT gives its ACM certificate in us-east-1. Government domains (.gov.vn) are
 * rarely in Route 53, so SST manages no DNS record: the office adds the CNAME SST prints.
 */
const name = process.env.KEHOACH_DOMAIN;
const cert = process.env.KEHOACH_DOMAIN_CERT;
if (name && !cert) {
  throw new Error("KEHOACH_DOMAIN needs KEHOACH_DOMAIN_CERT: the ARN of its ACM certificate in us-east-1.");
}

export const router = new sst.aws.Router(
  "Web",
  name && cert ? { domain: { name, cert, dns: false } } : undefined,
);
