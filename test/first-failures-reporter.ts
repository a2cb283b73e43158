import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends a failed run with the first failing test of each file, in the order they ran. A test that
 * fails early takes the ones after it in its file along (they share one browser page), and the
 * default report lists them all: a log cut to its last lines then shows only the followers.
 */
export default class FirstFailuresReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state !== 'failed') continue;
        const error = result.errors[0];
        const message = (error?.message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').slice(0, 6).join('\n    ');
        const at = (error?.stacks ?? []).find((frame) => frame.file.includes(module.moduleId.split('/').pop()!));
        lines.push(`- ${module.relativeModuleId} > ${test.fullName}${at ? ` (line ${at.line})` : ''}\n    ${message}`);
        break;
      }
    }
    if (lines.length > 0) console.log(`\n首个失败的测试(每个文件) / first failing test of each file:\n${lines.join('\n')}\n`);
  }
}
