import { handle } from 'hono/aws-lambda';
import { createApp } from './app';
import { depsFromEnvironment } from './aws/environment';
import { viewerAddress } from './client-address';

/** The API on AWS Lambda behind an HTTP API (API Gateway v2). */
export const handler = handle(createApp({ ...(await depsFromEnvironment()), clientAddress: viewerAddress }));
