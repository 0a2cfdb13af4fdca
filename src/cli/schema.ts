/** `kpi schema`: the JSON Schema of target files, or of the project file, for editors (yaml-language-server). */
import { type Command, Option } from "commander";
import type { HelpLabels } from "../i18n/labels.js";
import type { CliContext, KpiCommand } from "./context.js";
import { checkOutputFile, emit } from "./emit-output.js";
import { addOutputOption } from "./shared-options.js";

interface SchemaOptions {
  output?: string;
  project?: boolean;
}

export const schemaCommand: KpiCommand = {
  name: "schema",
  define(command: Command, help: HelpLabels) {
    addOutputOption(command.description(help.commands.schema), help, help.options.outputSchema);
    command.addOption(new Option("--project", help.options.project));
  },
  run: async (context: CliContext, options: SchemaOptions) => {
    await checkOutputFile(options.output);
    await emit(
      options.project === true ? await renderProjectSchema() : await renderSchema(),
      options.output,
      context,
    );
    return 0;
  },
};

/** The schema as the file `kpi schema` prints and `kpi init` writes. */
export async function renderSchema(): Promise<string> {
  const { targetFileJsonSchema } = await import("../inputs/target-json-schema.js");
  return `${JSON.stringify(targetFileJsonSchema(), null, 2)}\n`;
}

/** The project file's schema, as `kpi schema --project` prints it. */
export async function renderProjectSchema(): Promise<string> {
  const { projectFileJsonSchema } = await import("../inputs/project-json-schema.js");
  return `${JSON.stringify(projectFileJsonSchema(), null, 2)}\n`;
}
