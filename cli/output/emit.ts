import { colorsFor, lineWidth, type Colors } from './terminal.js';

/** Where a command's output goes: the report on stdout, notes and errors on stderr. */
export interface Output {
  colors: Colors;
  noteColors: Colors;
  width: number;
  /** stdout is a terminal (progress bars are drawn only there). */
  terminal: boolean;
  print(text: string): void;
  note(text: string): void;
  json(value: unknown): void;
}

export function processOutput(): Output {
  return {
    colors: colorsFor(process.stdout),
    noteColors: colorsFor(process.stderr),
    width: lineWidth(process.stdout),
    terminal: process.stdout.isTTY === true,
    print: (text) => void process.stdout.write(text),
    note: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    json: (value) => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
}
