import { createServer, type Socket } from 'node:net';

/** DLE EOT 4: the paper sensor status query. */
const PAPER_STATUS = Buffer.from([0x10, 0x04, 0x04]);

export type PaperState = 'ok' | 'out' | 'silent';

export interface FakePrinter {
  /** `127.0.0.1:<port>`, as an administrator would type it. */
  address: string;
  /** Every print job received (status queries apart), one Buffer per connection. */
  jobs: Buffer[];
  /** How it answers the paper status query: 'silent' is a printer that never answers it. */
  paper: PaperState;
  /** Resolves with the next job received. */
  nextJob(): Promise<Buffer>;
  close(): Promise<void>;
}

/** A network thermal printer on the loopback: a TCP listener keeping the bytes it is sent. */
export async function startFakePrinter(paper: PaperState = 'ok'): Promise<FakePrinter> {
  const waiting: ((b: Buffer) => void)[] = [];
  const sockets = new Set<Socket>();
  const printer: FakePrinter = {
    address: '',
    jobs: [],
    paper,
    nextJob: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    let data = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (data.equals(PAPER_STATUS)) {
        // 0x12: the fixed bits, paper present; 0x72: paper end detected (bits 5 and 6).
        if (printer.paper === 'ok') socket.write(Buffer.from([0x12]));
        if (printer.paper === 'out') socket.write(Buffer.from([0x72]));
        data = Buffer.alloc(0);
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      if (data.length === 0) return;
      printer.jobs.push(data);
      waiting.shift()?.(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const where = server.address();
  if (where === null || typeof where === 'string') throw new Error('no TCP address');
  printer.address = `127.0.0.1:${where.port}`;
  return printer;
}

/** A loopback port nothing listens on: a printer that is off. */
export async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const where = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (where === null || typeof where === 'string') throw new Error('no TCP address');
  return `127.0.0.1:${where.port}`;
}
