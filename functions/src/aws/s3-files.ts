import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, PutObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { FileStore } from '../files';

/** Uploads start staged; the bucket's lifecycle rule expires staged objects (abandoned uploads). */
export const STAGED = { key: 'state', value: 'staged' } as const;
const stagedTagging = `<Tagging><TagSet><Tag><Key>${STAGED.key}</Key><Value>${STAGED.value}</Value></Tag></TagSet></Tagging>`;

/** Materials in a private S3 bucket (public access blocked, encrypted), behind the FileStore interface. */
export class S3FileStore implements FileStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async write(key: string, bytes: Uint8Array): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ServerSideEncryption: 'AES256', Tagging: `${STAGED.key}=${STAGED.value}` }));
  }

  async size(key: string): Promise<number | undefined> {
    try {
      return (await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))).ContentLength;
    } catch (error) {
      if ((error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  }

  async readStart(key: string, length: number): Promise<Uint8Array> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${length - 1}` }));
    return object.Body!.transformToByteArray();
  }

  /** A POST the browser may make for ten minutes, for exactly this key, up to the size cap. */
  async presignUpload(key: string, maxBytes: number): Promise<{ url: string; fields: Record<string, string> }> {
    return createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: key,
      Conditions: [['content-length-range', 1, maxBytes], ['eq', '$x-amz-server-side-encryption', 'AES256'], ['eq', '$tagging', stagedTagging]],
      Fields: { 'x-amz-server-side-encryption': 'AES256', tagging: stagedTagging },
      Expires: 600,
    });
  }

  async markFiled(key: string): Promise<void> {
    await this.client.send(new PutObjectTaggingCommand({ Bucket: this.bucket, Key: key, Tagging: { TagSet: [{ Key: STAGED.key, Value: 'filed' }] } }));
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return object.Body!.transformToByteArray();
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }
}
