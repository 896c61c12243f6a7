// Edits an Office Open XML package (a zip archive) in memory and writes it out again. Entries that
// were not changed are copied as they are: local header, compressed data and data descriptor byte
// for byte, never inflated or deflated again. Only changed and added parts are deflated (Node's
// zlib). Writing a 100,000-row workbook whose sheet changed costs one deflate of that sheet, not of
// the whole package.
//
// yauzl lists the entries (it checks the archive's structure); no zip writer on the registry
// copies an entry's compressed bytes with its header unchanged (yazl and zip-stream compress what
// they are given; fflate's custom entries get new headers), so the archive is laid out here.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import yauzl, { type Entry } from 'yauzl';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;
const ZIP64_EXTRA = 0x0001;
/** General purpose flags: bit 3 (sizes in a data descriptor after the data), bit 11 (UTF-8 names). */
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const DEFLATE = 8;
const STORE = 0;
const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;
/** zlib's default: a changed sheet costs its deflate once, and the file stays as small as before. */
const LEVEL = 6;
/** A part inflated whole beyond this is a zip bomb, not a plan. */
const MAX_WHOLE_PART = 512 * 1024 * 1024;

/** Why a package cannot be edited safely (a caller turns it into the user's words). */
export class PackageEditError extends Error {}

interface Original {
  kind: 'original';
  entry: Entry;
  name: string;
}

interface Written {
  kind: 'written';
  name: string;
  /** Deflated when set, so that a large part is not held twice while the package is edited. */
  compressed: Buffer;
  crc: number;
  size: number;
  /** The entry it replaces, for its attributes and time; none for a new part. */
  was?: Entry;
}

type Item = Original | Written;

export class PackageEdit {
  private constructor(
    private readonly bytes: Buffer,
    private readonly items: Item[],
    private readonly comment: Buffer,
  ) {}

  /** Lists the package's entries (nothing is inflated). */
  static async open(data: Uint8Array): Promise<PackageEdit> {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const { entries, comment } = await listEntries(bytes);
    return new PackageEdit(
      bytes,
      entries.map((entry) => ({ kind: 'original', entry, name: raw(entry.fileName).toString('utf8') })),
      comment,
    );
  }

  names(): string[] {
    return this.items.map((item) => item.name);
  }

  /** Is there a part of exactly this name (as zip entries are named: no leading slash)? */
  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** A part's text (UTF-8), as changed so far; null when there is no such part. */
  text(name: string): string | null {
    const item = this.find(name);
    if (!item) return null;
    if (item.kind === 'written') return inflateRawSync(item.compressed).toString('utf8');
    return this.inflate(item.entry).toString('utf8');
  }

  /** Replaces a part's content, or adds the part at the end of the package. */
  set(name: string, content: string | Buffer): void {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const part = {
      kind: 'written' as const,
      name,
      compressed: deflateRawSync(data, { level: LEVEL }),
      crc: crc32(data),
      size: data.length,
    };
    const at = this.items.findIndex((item) => item.name === name);
    if (at < 0) {
      this.items.push(part);
      return;
    }
    const old = this.items[at];
    this.items[at] = { ...part, was: old.kind === 'original' ? old.entry : old.was };
  }

  remove(name: string): void {
    const at = this.items.findIndex((item) => item.name === name);
    if (at >= 0) this.items.splice(at, 1);
  }

  /** The package's bytes: unchanged entries copied as they were, in their order, changed ones deflated. */
  toBuffer(): Buffer {
    const pieces: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const item of this.items) {
      const { local, record } = item.kind === 'original' ? this.copied(item.entry, offset) : written(item, offset);
      pieces.push(local);
      central.push(record);
      offset += local.length;
    }
    const directory = Buffer.concat(central);
    if (offset > MAX_32 || directory.length > MAX_32 || this.items.length >= MAX_16)
      throw new PackageEditError('the package would need ZIP64');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.items.length, 8);
    end.writeUInt16LE(this.items.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    end.writeUInt16LE(this.comment.length, 20);
    return Buffer.concat([...pieces, directory, end, this.comment]);
  }

  private find(name: string): Item | undefined {
    return this.items.find((item) => item.name === name);
  }

  private dataStart(entry: Entry): number {
    const at = entry.relativeOffsetOfLocalHeader;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL_HEADER)
      throw new PackageEditError('an entry has no local header');
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    if (start + entry.compressedSize > this.bytes.length)
      throw new PackageEditError('an entry runs past the end of the archive');
    return start;
  }

  /** A data descriptor after the data: crc and sizes, with or without its signature (12 or 16 bytes). */
  private descriptorLength(entry: Entry, at: number): number {
    const b = this.bytes;
    if (at + 16 <= b.length && b.readUInt32LE(at) === DATA_DESCRIPTOR && b.readUInt32LE(at + 4) === entry.crc32)
      return 16;
    if (at + 12 <= b.length && b.readUInt32LE(at) === entry.crc32) return 12;
    throw new PackageEditError('an entry has no data descriptor where its flags say');
  }

  private inflate(entry: Entry): Buffer {
    const start = this.dataStart(entry);
    const raw = this.bytes.subarray(start, start + entry.compressedSize);
    if (entry.compressionMethod === STORE) return Buffer.from(raw);
    if (entry.compressionMethod !== DEFLATE) throw new PackageEditError('an entry is compressed in an unknown way');
    return inflateRawSync(raw, { maxOutputLength: MAX_WHOLE_PART });
  }

  /** An unchanged entry: its local header, data and data descriptor as they are; its central record at its new place. */
  private copied(entry: Entry, offset: number): { local: Buffer; record: Buffer } {
    const from = entry.relativeOffsetOfLocalHeader;
    let to = this.dataStart(entry) + entry.compressedSize;
    if (entry.generalPurposeBitFlag & FLAG_DESCRIPTOR) to += this.descriptorLength(entry, to);
    return {
      local: this.bytes.subarray(from, to),
      record: centralRecord(entry, {
        offset,
        flags: entry.generalPurposeBitFlag,
        method: entry.compressionMethod,
        crc: entry.crc32,
        compressedSize: entry.compressedSize,
        size: entry.uncompressedSize,
        name: raw(entry.fileName),
        extra: extraBytes(entry),
      }),
    };
  }
}

/** A changed or new part: deflated, with its sizes in the local header (no data descriptor). */
function written(item: Written, offset: number): { local: Buffer; record: Buffer } {
  const { compressed, crc, size } = item;
  const name = Buffer.from(item.name, 'utf8');
  const ascii = name.length === item.name.length;
  const flags = ascii ? 0 : FLAG_UTF8;
  const { time, date } = item.was
    ? { time: item.was.lastModFileTime, date: item.was.lastModFileDate }
    : dosDateTime(new Date());
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(flags, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressed.length, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  if (compressed.length > MAX_32 || size > MAX_32) throw new PackageEditError('a part would need ZIP64');
  return {
    local: Buffer.concat([header, name, compressed]),
    record: centralRecord(item.was, {
      offset,
      flags,
      method: DEFLATE,
      crc,
      compressedSize: compressed.length,
      size,
      name,
      extra: Buffer.alloc(0),
      time,
      date,
    }),
  };
}

interface RecordFields {
  offset: number;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  name: Buffer;
  extra: Buffer;
  time?: number;
  date?: number;
}

/** A central directory record; made-by, attributes, time and comment come from the entry it stands for. */
function centralRecord(entry: Entry | undefined, f: RecordFields): Buffer {
  const comment = entry ? raw(entry.fileComment) : Buffer.alloc(0);
  const record = Buffer.alloc(46);
  record.writeUInt32LE(CENTRAL_HEADER, 0);
  record.writeUInt16LE(entry ? entry.versionMadeBy : 20, 4);
  record.writeUInt16LE(entry && f.method === entry.compressionMethod ? entry.versionNeededToExtract : 20, 6);
  record.writeUInt16LE(f.flags, 8);
  record.writeUInt16LE(f.method, 10);
  record.writeUInt16LE(f.time ?? entry!.lastModFileTime, 12);
  record.writeUInt16LE(f.date ?? entry!.lastModFileDate, 14);
  record.writeUInt32LE(f.crc, 16);
  record.writeUInt32LE(f.compressedSize, 20);
  record.writeUInt32LE(f.size, 24);
  record.writeUInt16LE(f.name.length, 28);
  record.writeUInt16LE(f.extra.length, 30);
  record.writeUInt16LE(comment.length, 32);
  record.writeUInt16LE(0, 34);
  record.writeUInt16LE(entry ? entry.internalFileAttributes : 0, 36);
  record.writeUInt32LE(entry ? entry.externalFileAttributes : 0, 38);
  record.writeUInt32LE(f.offset, 42);
  return Buffer.concat([record, f.name, f.extra, comment]);
}

/** An entry's central extra fields as they were (a ZIP64 one would hold offsets that move: refused). */
function extraBytes(entry: Entry): Buffer {
  const pieces: Buffer[] = [];
  for (const field of entry.extraFields) {
    if (field.id === ZIP64_EXTRA) throw new PackageEditError('the package uses ZIP64');
    const head = Buffer.alloc(4);
    head.writeUInt16LE(field.id, 0);
    head.writeUInt16LE(field.data.length, 2);
    pieces.push(head, field.data);
  }
  return Buffer.concat(pieces);
}

/** Names and comments are read undecoded (yauzl's decodeStrings: false), though typed as strings. */
function raw(value: string | Buffer): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

async function listEntries(bytes: Buffer): Promise<{ entries: Entry[]; comment: Buffer }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (error, file) =>
      error ? reject(new PackageEditError('the zip archive is damaged')) : resolve(file),
    ),
  );
  const entries: Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', () => reject(new PackageEditError('the zip archive is damaged')));
    zip.readEntry();
  });
  return { entries, comment: raw(zip.comment) };
}
