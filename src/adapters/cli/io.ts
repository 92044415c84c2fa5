/**
 * The command's connection to the world: standard output (written with backpressure, and quiet when the
 * reader has gone, as in `pinggu evaluate … | head`), standard error, standard input, the environment.
 */
import type { Sink } from "./outcome.js";

export interface Io {
  readonly stdout: Sink;
  readonly stderr: Sink;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readStdin(): Promise<Uint8Array>;
}

function streamSink(stream: NodeJS.WriteStream): Sink {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") {
      closed = true;
      return;
    }
    throw error;
  });
  return {
    write(text: string): Promise<void> {
      if (closed || text === "") return Promise.resolve();
      if (stream.write(text)) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          stream.off("drain", done);
          stream.off("close", done);
          resolve();
        };
        stream.on("drain", done);
        stream.on("close", done);
      });
    },
  };
}

export function processIo(): Io {
  return {
    stdout: streamSink(process.stdout),
    stderr: streamSink(process.stderr),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks);
    },
  };
}
