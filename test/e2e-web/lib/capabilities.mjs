// What the built language server offers: start dist/server/server.js over stdio, send
// `initialize`, read its capabilities, shut it down. The suite tests the outline and quick fixes
// only when the server advertises them, and says "skipped" with this as the reason otherwise.
import { spawn } from 'node:child_process';

/** Resolves with the server's `InitializeResult.capabilities`; rejects after `timeoutMs`. */
export function serverCapabilities(serverJs, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let buffer = Buffer.alloc(0);
    let stderr = '';
    const send = (message) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    const done = (error, value) => {
      clearTimeout(timer);
      try { send({ id: 2, method: 'shutdown' }); send({ method: 'exit' }); } catch { /* already gone */ }
      setTimeout(() => child.kill(), 500).unref();
      if (error) reject(error); else resolve(value);
    };
    const timer = setTimeout(() => done(new Error(`no initialize answer from ${serverJs} in ${timeoutMs} ms; stderr: ${stderr.slice(0, 500)}`)), timeoutMs);
    child.on('error', (e) => done(e));
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code) => done(new Error(`${serverJs} exited with ${code} before answering initialize; stderr: ${stderr.slice(0, 500)}`)));
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
        if (!Number.isFinite(length) || buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === 1) {
          child.removeAllListeners('exit');
          if (message.error) done(new Error(`initialize failed: ${message.error.message}`));
          else done(undefined, message.result.capabilities);
        }
      }
    });
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  });
}
