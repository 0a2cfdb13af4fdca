/** Files the build puts in the bundle as their text (scripts/build.js: the `.yml` loader). */
declare module "*.yml" {
  const text: string;
  export default text;
}
