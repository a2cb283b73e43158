import { describe, expect, it } from 'vitest';
import { isLoopback, localMode, LocalModeRefused } from './local-mode';

describe('how npm start runs', () => {
  it.each([
    ['no flags, no HOST', [], {}, { demo: true, host: '127.0.0.1' }],
    ['--no-demo on loopback', ['--no-demo'], {}, { demo: false }],
    ['--demo on ::1', ['--demo'], { HOST: '::1' }, { demo: true }],
    ['--no-demo beyond loopback', ['--no-demo'], { HOST: '0.0.0.0' }, { demo: false, host: '0.0.0.0' }],
    ['--memory', ['--memory'], { PORT: '4000' }, { memory: true, port: 4000 }],
  ])('%s', (_, args, env, expected) => {
    expect(localMode(args, env)).toMatchObject(expected);
  });

  it.each([
    ['--demo beyond loopback', ['--demo'], { HOST: '0.0.0.0' }, /演示登录.*只在本机地址上提供[\s\S]*offered on loopback only/],
    ['no flag beyond loopback', [], { HOST: '192.168.1.20' }, /--no-demo[\s\S]*start with --no-demo/],
    ['an unknown flag', ['--demo=yes'], {}, /参数有误 \/ bad arguments/],
  ])('refuses %s', (_, args, env, message) => {
    expect(() => localMode(args, env)).toThrow(LocalModeRefused);
    expect(() => localMode(args, env)).toThrow(message);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
    ['127.example.com', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });
});
