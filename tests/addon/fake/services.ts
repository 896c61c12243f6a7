// The Apps Script services around the spreadsheet: SpreadsheetApp, the UI (menus, sidebars),
// HtmlService, document properties, the document lock and Utilities; every call counted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CallCounter, counted } from './counter.js';
import { NotionServices } from './notion-services.js';
import type { NotionServicesOptions } from './notion-services.js';
import {
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
  FakeSpreadsheet,
  FakeTextStyleBuilder,
  Zone,
} from './sheets.js';

export class FakeMenu implements Pick<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addToUi'> {
  readonly api: GoogleAppsScript.Base.Menu;
  readonly items: { caption: string; functionName: string }[] = [];
  constructor(
    private readonly ui: FakeUi,
    readonly title: string,
    counter: CallCounter,
  ) {
    this.api = counted(this, 'Menu', counter) as unknown as GoogleAppsScript.Base.Menu;
  }
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    this.items.push({ caption, functionName });
    return this.api;
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    return this.api;
  }
  addToUi(): void {
    this.ui.menus.push(this);
  }
}

export class FakeHtmlOutput implements Pick<
  GoogleAppsScript.HTML.HtmlOutput,
  'getContent' | 'setTitle' | 'getTitle' | 'setWidth' | 'setHeight'
> {
  readonly api: GoogleAppsScript.HTML.HtmlOutput;
  title = '';
  width: number | null = null;
  height: number | null = null;
  constructor(
    readonly content: string,
    counter: CallCounter,
  ) {
    this.api = counted(this, 'HtmlOutput', counter) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  getContent(): string {
    return this.content;
  }
  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    this.title = title;
    return this.api;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): GoogleAppsScript.HTML.HtmlOutput {
    this.width = width;
    return this.api;
  }
  setHeight(height: number): GoogleAppsScript.HTML.HtmlOutput {
    this.height = height;
    return this.api;
  }
}

export class FakeUi implements Pick<
  GoogleAppsScript.Base.Ui,
  'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModalDialog'
> {
  readonly api: GoogleAppsScript.Base.Ui;
  readonly menus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: { title: string; content: string }[] = [];
  constructor(private readonly counter: CallCounter) {
    this.api = counted(this, 'Ui', counter) as unknown as GoogleAppsScript.Base.Ui;
  }
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return new FakeMenu(this, 'Cascade', this.counter).api;
  }
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return new FakeMenu(this, caption, this.counter).api;
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.sidebars.push(userInterface as unknown as FakeHtmlOutput);
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.dialogs.push({ title, content: userInterface.getContent() });
  }
}

export class FakeProperties implements Pick<
  GoogleAppsScript.Properties.Properties,
  'getProperty' | 'setProperty' | 'getProperties' | 'deleteProperty'
> {
  readonly api: GoogleAppsScript.Properties.Properties;
  readonly store = new Map<string, string>();
  constructor(counter: CallCounter) {
    this.api = counted(this, 'Properties', counter) as unknown as GoogleAppsScript.Properties.Properties;
  }
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.store.set(key, String(value));
    return this.api;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.store.delete(key);
    return this.api;
  }
}

/**
 * The document lock, on a virtual clock: a test says someone else holds it (`busy`, for ever) or
 * holds it for `heldByOtherMs` more milliseconds; tryLock waits up to its timeout, so a short hold
 * is waited out and a long one times out, and `waitedMs` adds up the time spent waiting. Apps Script
 * releases a lock when the execution ends: the harness calls endExecution() after each entry point.
 */
export class FakeLock implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  readonly api: GoogleAppsScript.Lock.Lock;
  held = false;
  /** Set by a test: someone else holds the lock and will not let go. */
  busy = false;
  /** Set by a test: someone else holds the lock for this many more milliseconds. */
  heldByOtherMs = 0;
  /** Virtual time spent waiting in tryLock/waitLock. */
  waitedMs = 0;
  acquisitions = 0;
  /** The timeout of every tryLock/waitLock, in order. */
  readonly waits: number[] = [];
  constructor(counter: CallCounter) {
    this.api = counted(this, 'Lock', counter) as unknown as GoogleAppsScript.Lock.Lock;
  }
  tryLock(timeoutInMillis: number): boolean {
    this.waits.push(timeoutInMillis);
    if (this.held) return true;
    if (this.busy || this.heldByOtherMs > timeoutInMillis) {
      this.waitedMs += timeoutInMillis;
      this.heldByOtherMs = Math.max(0, this.heldByOtherMs - timeoutInMillis);
      return false;
    }
    this.waitedMs += this.heldByOtherMs;
    this.heldByOtherMs = 0;
    this.held = true;
    this.acquisitions++;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    this.held = false;
  }
  hasLock(): boolean {
    return this.held;
  }
  /** The script ended: Apps Script releases its locks. */
  endExecution(): void {
    this.held = false;
  }
}

export interface WorldOptions {
  timeZone?: string;
  /** The Notion tab's services (UrlFetchApp, ScriptApp, the user's properties…); absent, a script calling them fails. */
  notion?: Omit<NotionServicesOptions, 'counter'>;
  /** Where the built sidebar.html lives (HtmlService.createHtmlOutputFromFile reads it). */
  distDir?: string;
  /** What Session.getActiveUser().getEmail() gives: an email, '' (a consumer account), or an Error it throws (no consent). Default ''. */
  email?: string | Error;
}

/** One user's Apps Script world: a spreadsheet and the services, with their globals for a vm context. */
export class FakeWorld {
  readonly counter = new CallCounter();
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: FakeUi;
  readonly documentProperties: FakeProperties;
  readonly lock: FakeLock;
  readonly flushes: number[] = [];
  readonly globals: Record<string, unknown>;
  readonly notion: NotionServices | null;
  /** False while a time-driven trigger runs: there is no active spreadsheet then. */
  activeDocument = true;

  constructor(options: WorldOptions = {}) {
    const counter = this.counter;
    const distDir = options.distDir ?? path.resolve('dist');
    this.spreadsheet = new FakeSpreadsheet(counter, options.timeZone ?? 'Etc/GMT');
    this.ui = new FakeUi(counter);
    this.documentProperties = new FakeProperties(counter);
    this.lock = new FakeLock(counter);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the builders' closures need the world, not themselves
    const world = this;
    /** A counted rule or style builder whose setters return its own counted proxy, for chaining. */
    const builder = <T>(Builder: new (api: () => unknown) => object, kind: string): T => {
      const proxy: unknown = counted(new Builder(() => proxy), kind, counter);
      return proxy as T;
    };

    const spreadsheetApp: Pick<
      GoogleAppsScript.Spreadsheet.SpreadsheetApp,
      | 'getActiveSpreadsheet'
      | 'getActive'
      | 'getActiveSheet'
      | 'getUi'
      | 'flush'
      | 'newDataValidation'
      | 'newConditionalFormatRule'
      | 'newTextStyle'
    > = {
      getActiveSpreadsheet: () =>
        (world.activeDocument ? world.spreadsheet.api : null) as GoogleAppsScript.Spreadsheet.Spreadsheet,
      getActive: () =>
        (world.activeDocument ? world.spreadsheet.api : null) as GoogleAppsScript.Spreadsheet.Spreadsheet,
      // "The active sheet in a spreadsheet is the sheet that is being displayed in the spreadsheet
      // UI" (SpreadsheetApp.getActiveSheet): the active spreadsheet's, reached in one call.
      getActiveSheet: () =>
        (world.activeDocument ? world.spreadsheet.getActiveSheet() : null) as GoogleAppsScript.Spreadsheet.Sheet,
      getUi: () => world.ui.api,
      flush: () => {
        world.flushes.push(world.counter.log.length);
      },
      newDataValidation: () => builder(FakeDataValidationBuilder, 'DataValidationBuilder'),
      newConditionalFormatRule: () => builder(FakeConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder'),
      newTextStyle: () => builder(FakeTextStyleBuilder, 'TextStyleBuilder'),
    };
    this.notion = options.notion ? new NotionServices({ ...options.notion, counter }) : null;
    const notion = this.notion;
    if (notion) {
      Object.assign(spreadsheetApp, {
        openById: (id: string) => {
          if (id !== world.spreadsheet.getId()) throw new Error(`No spreadsheet with id ${id}.`);
          return world.spreadsheet.api;
        },
      });
    }
    const htmlService: Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutputFromFile' | 'createHtmlOutput'> = {
      createHtmlOutputFromFile: (filename: string) => {
        const file = path.join(distDir, filename.endsWith('.html') ? filename : `${filename}.html`);
        return new FakeHtmlOutput(readFileSync(file, 'utf8'), counter).api;
      },
      createHtmlOutput: (html?: unknown) => new FakeHtmlOutput(String(html ?? ''), counter).api,
    };
    const propertiesService: Pick<
      GoogleAppsScript.Properties.PropertiesService,
      'getDocumentProperties' | 'getUserProperties'
    > = {
      getDocumentProperties: () => world.documentProperties.api,
      getUserProperties: () => {
        if (!notion) throw new Error('The user properties are faked for Notion tests only.');
        return notion.userProperties.api;
      },
    };
    const lockService: Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getUserLock'> = {
      getDocumentLock: () => world.lock.api,
      getUserLock: () => {
        if (!notion) throw new Error('The user lock is faked for Notion tests only.');
        return notion.userLock.api;
      },
    };
    const utilities: Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate' | 'sleep'> = {
      sleep: (ms: number) => {
        if (!options.notion) throw new Error('Utilities.sleep is faked for Notion tests only.');
        options.notion.clock.advance(ms);
      },
      formatDate: (date: GoogleAppsScript.Base.Date, timeZone: string, format: string) => {
        if (format !== 'yyyy-MM-dd') throw new Error(`The fake formats dates as yyyy-MM-dd only, not ${format}.`);
        return new Date(new Zone(timeZone).wallClock((date as unknown as Date).getTime())).toISOString().slice(0, 10);
      },
    };
    const session = {
      getActiveUser: () => ({
        getEmail: () => {
          if (options.email instanceof Error) throw options.email;
          return options.email ?? '';
        },
      }),
    };
    this.globals = {
      Session: counted(session, 'Session', counter),
      SpreadsheetApp: counted(spreadsheetApp, 'SpreadsheetApp', counter),
      HtmlService: counted(htmlService, 'HtmlService', counter),
      PropertiesService: counted(propertiesService, 'PropertiesService', counter),
      LockService: counted(lockService, 'LockService', counter),
      Utilities: counted(utilities, 'Utilities', counter),
      ...(notion ? notion.globals : {}),
      console: {
        log() {},
        info() {},
        warn: (...a: unknown[]) => world.warnings.push(a.map(String).join(' ')),
        error: (...a: unknown[]) => world.errors.push(a.map(String).join(' ')),
      },
    };
  }

  readonly warnings: string[] = [];
  readonly errors: string[] = [];
}
