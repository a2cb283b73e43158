import { depsFromEnvironment } from './aws/environment';
import { sweep } from './cases/sweep';

/** The sweep on AWS Lambda, run by an EventBridge schedule. A failure throws, so it is counted and alarmed. */
const deps = await depsFromEnvironment();

export const handler = async (): Promise<void> => {
  const report = await sweep(deps);
  console.log(JSON.stringify({ type: 'sweep', ...report }));
};
