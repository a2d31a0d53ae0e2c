/**
 * The MCP server as an assistant reaches it: `npm run -s connstr -- mcp` started as a child process, spoken to with the
 * official SDK's client over stdio. It lists its tools, answers get_service for a real service, checks a string
 * holding a secret without sending the secret back (against a driver build of Humanity's too), and serves each
 * service's Markdown page as a resource. (The `content` project: the server reads content/.)
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const secret = 'Zq-mcp-s3cret;tail-77';
let client: Client;
let stderr = '';

beforeAll(async () => {
  const transport = new StdioClientTransport({ command: 'npm', args: ['run', '-s', 'connstr', '--', 'mcp'], cwd: root, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  client = new Client({ name: 'connector-help-test', version: '1.0.0' });
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client?.close();
});

describe('npm run connstr -- mcp, over stdio', () => {
  test('names itself and lists its tools, each with input and output schemas', async () => {
    expect(client.getServerVersion()?.name).toBe('connector-help');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'list_services',
      'get_service',
      'search_properties',
      'check_connection_string',
      'fix_connection_string',
      'convert_connection_string',
      'redact_connection_string',
    ]);
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    }
    expect(stderr).toMatch(/serving \d+ services over stdio/);
  });

  test('get_service: a real service with its methods, steps and properties', async () => {
    const result = await client.callTool({ name: 'get_service', arguments: { service: 'intercom' } });
    expect(result.isError).toBeFalsy();
    const service = result.structuredContent as { id: string; profileFile: string; methods: { id: string; steps: unknown[]; example: string }[]; properties: { name: string }[] };
    expect(service.id).toBe('intercom');
    expect(service.profileFile).toBe('Intercom.apip');
    expect(service.methods.length).toBeGreaterThanOrEqual(2);
    for (const method of service.methods) {
      expect(method.steps.length).toBeGreaterThan(0);
      expect(method.example).toMatch(/^Profile=/);
    }
    expect(service.properties.map((p) => p.name)).toContain('APIKey');
  });

  test('check_connection_string finds the problems of a string holding a secret and never sends the secret back', async () => {
    const text = `Profile=C:\\profiles\\Intercom.apip;ProfileSettings='APIKey=${secret}';Timeout=soon`;
    const result = await client.callTool({ name: 'check_connection_string', arguments: { text } });
    const answer = JSON.stringify(result);
    expect(answer).not.toContain(secret);
    expect(answer).not.toContain('Zq-mcp-s3cret');
    expect(answer).not.toContain('tail-77');
    const { findings } = result.structuredContent as { findings: { code: string; help: string }[] };
    expect(findings.map((f) => f.code)).toContain('invalid-integer');
    expect(findings.every((f) => f.help.endsWith(`/troubleshooting/${f.code}/`))).toBe(true);
  });

  describe('check_connection_string against a driver build (Humanity: 23.0.8839.0, 24.0.9060.0, 24.0.9300.0)', () => {
    const basic = `Profile=C:\\profiles\\Humanity.apip;AuthScheme=BASIC;User=me;Password='${secret}'`;
    type Answer = { isError?: boolean; content: { text: string }[]; structuredContent?: { findings: { code: string; severity: string; message: string; property?: string }[] } };
    const call = async (args: { build?: string; service?: string }) => (await client.callTool({ name: 'check_connection_string', arguments: { text: basic, ...args } })) as Answer;

    test.each([
      { case: 'build 23.0.8839.0: BASIC names the build that added it', args: { build: '23.0.8839.0' }, notInBuild: ['Build 23.0.8839.0 of the driver does not list AuthScheme=BASIC; it was added in build 24.0.9060.0'] },
      { case: 'no build (the newest): no such finding', args: {}, notInBuild: [] },
      { case: 'build 24.0.9060.0: BASIC is listed', args: { build: '24.0.9060.0' }, notInBuild: [] },
    ])('$case', async ({ args, notInBuild }) => {
      const result = await call(args);
      expect(result.isError).toBeFalsy();
      const found = result.structuredContent!.findings.filter((f) => f.code === 'not-in-build');
      expect(found.map((f) => f.message)).toEqual(notInBuild.map((m) => expect.stringContaining(m)));
      for (const f of found) expect(f).toMatchObject({ severity: 'error', property: 'AuthScheme' });
      expect(JSON.stringify(result)).not.toContain('Zq-mcp-s3cret');
      expect(JSON.stringify(result)).not.toContain('tail-77');
    });

    test.each([
      { case: 'the service read from the Profile: an unknown-build warning, checked against the newest', args: { build: '22.0.1.0' } },
      { case: 'the service named: a tool error', args: { build: '22.0.1.0', service: 'humanity' } },
    ])('a build Humanity does not document, $case', async ({ args }) => {
      const result = await call(args);
      const documented = 'Humanity is documented for builds 24.0.9300.0, 24.0.9060.0, 23.0.8839.0, not 22.0.1.0';
      if (args.service) {
        expect(result.isError).toBe(true);
        expect(result.content[0]!.text).toBe(`${documented}.`);
      } else {
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent!.findings[0]).toMatchObject({ code: 'unknown-build', severity: 'warning', message: `${documented}; the string is checked against 24.0.9300.0, the newest.` });
        expect(result.structuredContent!.findings.filter((f) => f.code === 'not-in-build')).toEqual([]);
      }
    });

    test('a build that is not a build number is refused by the input schema', async () => {
      const result = await call({ build: 'latest' });
      expect(result.isError).toBe(true);
      expect(result.content[0]!.text).toMatch(/Input validation error[\s\S]*build[\s\S]*four dotted numbers/);
    });

    test('the tool lists the build input, with its description', async () => {
      const { tools } = await client.listTools();
      for (const name of ['check_connection_string', 'fix_connection_string']) {
        const build = (tools.find((t) => t.name === name)!.inputSchema.properties as Record<string, { description?: string }>).build;
        expect(build?.description, name).toBe('The driver build to check against, e.g. 23.0.8839.0; default the newest. get_service lists the builds.');
      }
    });
  });

  test('fix, convert and redact send the string back masked', async () => {
    const text = `Profile=C:\\profiles\\Intercom.apip;profilesettings='APIKey="${secret}"'`;
    for (const [name, args] of [
      ['fix_connection_string', { text }],
      ['convert_connection_string', { text, to: 'env' }],
      ['redact_connection_string', { text }],
    ] as const) {
      const answer = JSON.stringify(await client.callTool({ name, arguments: args }));
      expect(answer, name).not.toContain('Zq-mcp-s3cret');
      expect(answer, name).toContain('********');
    }
  });

  test('each service’s Markdown page is a resource', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain('connector-help://services/intercom.md');
    const page = await client.readResource({ uri: 'connector-help://services/intercom.md' });
    const first = page.contents[0] as { text: string; mimeType: string };
    expect(first.mimeType).toBe('text/markdown');
    expect(first.text.split('\n')[0]).toBe('# Connect to Intercom');
  });

  test('the reference is a resource, its index and each property’s page', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(expect.arrayContaining(['connector-help://reference.md', 'connector-help://reference/apikey.md']));
    const index = (await client.readResource({ uri: 'connector-help://reference.md' })).contents[0] as { text: string };
    expect(index.text).toContain('/reference/apikey.md');
    const page = (await client.readResource({ uri: 'connector-help://reference/apikey.md' })).contents[0] as { text: string; mimeType: string };
    expect(page.mimeType).toBe('text/markdown');
    expect(page.text.split('\n')[0]).toBe('# APIKey');
    expect(page.text).toContain('## Used by');
    await expect(client.readResource({ uri: 'connector-help://reference/apikye.md' })).rejects.toThrow(/No property "apikye"/);
  });
});
