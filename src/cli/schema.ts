/** `kpi schema`: the JSON Schema of target files, for editors (yaml-language-server). */
import type { Command } from "commander";
import type { HelpLabels } from "../i18n/labels.js";
import type { CliContext, KpiCommand } from "./context.js";
import { checkOutputFile, emit } from "./emit-output.js";
import { addOutputOption } from "./shared-options.js";

interface SchemaOptions {
  output?: string;
}

export const schemaCommand: KpiCommand = {
  name: "schema",
  define(command: Command, help: HelpLabels) {
    addOutputOption(command.description(help.commands.schema), help, help.options.outputSchema);
  },
  run: async (context: CliContext, options: SchemaOptions) => {
    await checkOutputFile(options.output);
    await emit(await renderSchema(), options.output, context);
    return 0;
  },
};

/** The schema as the file `kpi schema` prints and `kpi init` writes. */
export async function renderSchema(): Promise<string> {
  const { targetFileJsonSchema } = await import("../inputs/target-json-schema.js");
  return `${JSON.stringify(targetFileJsonSchema(), null, 2)}\n`;
}
