/* Hand-written to match what `sst deploy` generates here (a deploy may overwrite it). */
/* tslint:disable */
/* eslint-disable */
/* deno-fmt-ignore-file */
/* biome-ignore-all lint: generated shape */

import "sst";
declare module "sst" {
  export interface Resource {
    Api: {
      name: string;
      type: "sst.aws.Function";
      url: string;
    };
    Dashboard: {
      type: "sst.aws.StaticSite";
      url: string;
    };
    Files: {
      name: string;
      type: "sst.aws.Bucket";
    };
    Table: {
      name: string;
      type: "sst.aws.Dynamo";
    };
    Web: {
      type: "sst.aws.Router";
      url: string;
    };
  }
}
export {};
