// Counts every call made on a fake service object. Fakes hand out Proxies: a method called through
// a Proxy is counted under "Kind.method"; the fakes themselves work on the raw objects, so their
// own bookkeeping is never counted.

/** Objects that only build a value locally (rule builders): counted apart, as they reach no document. */
const BUILDER_KINDS = new Set(['DataValidationBuilder', 'ConditionalFormatRuleBuilder', 'TextStyleBuilder']);
const BUILDER_FACTORIES = new Set([
  'SpreadsheetApp.newDataValidation',
  'SpreadsheetApp.newConditionalFormatRule',
  'SpreadsheetApp.newTextStyle',
]);

export class CallCounter {
  readonly calls = new Map<string, number>();
  /** Every call in order, for debugging a failing count. */
  readonly log: string[] = [];

  private readonly hooks: { name: string; run: () => void }[] = [];
  private readonly afterHooks: { name: string; run: () => void }[] = [];

  record(name: string): void {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    this.log.push(name);
    runHook(this.hooks, name);
  }

  /** A call named `name` has returned: the hook waiting for it, if any, runs. */
  returned(name: string): void {
    runHook(this.afterHooks, name);
  }

  /**
   * Runs `run` once, just before the next call named `name` (e.g. "Range.setValues") reaches the
   * fake: a person's edit landing between what the add-on read and what it writes. The hook works
   * on the fake's raw objects, so its own calls are not counted.
   */
  beforeNext(name: string, run: () => void): void {
    this.hooks.push({ name, run });
  }

  /**
   * Runs `run` once, just after the next call named `name` returns (e.g. "Sheet.getSheetValues",
   * the plan's read): a person's edit landing right after the add-on read the cells, before any
   * later read or write of the action.
   */
  afterNext(name: string, run: () => void): void {
    this.afterHooks.push({ name, run });
  }

  reset(): void {
    this.calls.clear();
    this.log.length = 0;
  }

  /** Calls that reach the spreadsheet or another service (builder calls left out). */
  get serviceCalls(): number {
    let n = 0;
    for (const [name, count] of this.calls) if (!isBuilderCall(name)) n += count;
    return n;
  }

  get builderCalls(): number {
    let n = 0;
    for (const [name, count] of this.calls) if (isBuilderCall(name)) n += count;
    return n;
  }

  count(name: string): number {
    return this.calls.get(name) ?? 0;
  }

  /** { "Range.getValues": 1, … } sorted by name, service calls only. */
  summary(): Record<string, number> {
    return Object.fromEntries(
      [...this.calls].filter(([name]) => !isBuilderCall(name)).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
}

function runHook(hooks: { name: string; run: () => void }[], name: string): void {
  const hook = hooks.findIndex((h) => h.name === name);
  if (hook >= 0) hooks.splice(hook, 1)[0].run();
}

export function isBuilderCall(name: string): boolean {
  return BUILDER_KINDS.has(name.split('.')[0]) || BUILDER_FACTORIES.has(name);
}

/** A Proxy of `target` whose method calls are counted as `${kind}.${method}`. */
export function counted<T extends object>(target: T, kind: string, counter: CallCounter): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor') return value;
      return (...args: unknown[]) => {
        const name = `${kind}.${property}`;
        counter.record(name);
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        counter.returned(name);
        return result;
      };
    },
  });
}
