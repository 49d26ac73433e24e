/** True on the stage that holds real data: retained, protected, deletion-protected. */
export const isProduction = $app.stage === "production";
