import { connect, createServer, type Server, type Socket } from 'node:net';

/** What the proxy does to the next connection it accepts. */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'drop' }
  | { kind: 'reset-after-request' }
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number; body: string };

/**
 * A small TCP proxy of the tests' own between Loket and the backend, injecting one fault per
 * connection from a script; it also reports when the backend answered a create (201), so a test
 * can kill the sender at that exact moment.
 */
export class FaultProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  readonly script: Fault[] = [];
  onCreated: (() => void) | null = null;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  start(): Promise<number> {
    this.server = createServer((client) => this.handle(client));
    return new Promise((resolve) =>
      this.server!.listen(0, '127.0.0.1', () => {
        this.port = (this.server!.address() as { port: number }).port;
        resolve(this.port);
      }),
    );
  }

  private handle(client: Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => {});
    const fault = this.script.shift() ?? { kind: 'pass' };
    if (fault.kind === 'drop') return void client.destroy();
    if (fault.kind === 'status') {
      client.once('data', () => {
        client.end(
          `HTTP/1.1 ${fault.status} X\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(fault.body)}\r\nConnection: close\r\n\r\n${fault.body}`,
        );
      });
      return;
    }
    if (fault.kind === 'reset-after-request') {
      client.once('data', () => client.resetAndDestroy());
      return;
    }
    const forward = () => {
      const upstream = connect(this.target.port, this.target.host);
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      upstream.on('data', (chunk: Buffer) => {
        if (/^HTTP\/1\.[01] 201/.test(chunk.subarray(0, 20).toString('latin1'))) this.onCreated?.();
      });
      client.pipe(upstream).pipe(client);
    };
    if (fault.kind === 'delay') {
      client.pause();
      setTimeout(() => {
        client.resume();
        forward();
      }, fault.ms);
    } else {
      forward();
    }
  }

  /** Ends the connections kept alive so far: the next request opens one, and meets the script. */
  async closeConnections(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 50));
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => this.server?.close(() => r(null)));
  }
}
