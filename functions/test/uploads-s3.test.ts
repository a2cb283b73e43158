import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3FileStore } from '../src/aws/s3-files';
import { harness } from './harness';

const h = await harness();

describe('upload targets', () => {
  it('are the API’s own upload route locally', async () => {
    const response = await h.call('POST', '/api/items/990100/real-estate-transfer/upload-targets', { body: { materialId: 'sale-contract' } });
    expect(response.json).toEqual({ method: 'POST', url: '/api/items/990100/real-estate-transfer/uploads', fields: { materialId: 'sale-contract' } });
    expect((await h.call('POST', '/api/items/990100/real-estate-transfer/upload-targets', { body: { materialId: 'tax-receipt' } })).status).toBe(422);
  });

  it('are a presigned S3 POST limited to one key and the size cap in AWS (signed offline)', async () => {
    const client = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    const store = new S3FileStore(client, 'onevisit-materials');
    const { url, fields } = await store.presignUpload('uploads/990100/20260302/abc', 20 * 1024 * 1024);
    expect(url).toContain('onevisit-materials');
    expect(fields.key).toBe('uploads/990100/20260302/abc');
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8'));
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 20 * 1024 * 1024]);
    expect(policy.conditions).toContainEqual({ key: 'uploads/990100/20260302/abc' });
    expect(new Date(policy.expiration).getTime() - Date.now()).toBeLessThanOrEqual(600_000);
    // Staged until a case takes it: the bucket expires staged objects nobody filed.
    expect(fields.tagging).toContain('<Key>state</Key><Value>staged</Value>');
    expect(policy.conditions).toContainEqual(['eq', '$tagging', fields.tagging]);
  });

  it('are marked filed when a case takes them', async () => {
    const client = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    const sent: Array<{ command: string; input: unknown }> = [];
    client.middlewareStack.add(
      (_next, context) => async (args) => {
        sent.push({ command: context.commandName!, input: args.input });
        return { output: { $metadata: {} }, response: {} } as never;
      },
      { step: 'initialize' },
    );
    await new S3FileStore(client, 'onevisit-materials').markFiled('uploads/990100/20260302/abc');
    expect(sent).toEqual([{ command: 'PutObjectTaggingCommand', input: { Bucket: 'onevisit-materials', Key: 'uploads/990100/20260302/abc', Tagging: { TagSet: [{ Key: 'state', Value: 'filed' }] } } }]);
  });
});
