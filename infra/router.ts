/**
 * One CloudFront distribution in front of everything: the dashboard registers itself at `/`
 * (infra/web.ts), the API function at `/api` (infra/api.ts). No inline `routes`: SST v4
 * refuses components routing through a Router that has them.
 */
export const router = new sst.aws.Router("Web");
