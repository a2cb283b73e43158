/**
 * A secret for a Lambda entry's init: `NAME` itself where a test gives it, else the value of the
 * Secrets Manager secret whose ARN the stack puts in `NAME_ARN`. The client is loaded only to read one.
 */
export async function secretFromEnvironment(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const given = env[name];
  if (given !== undefined) return given;
  const arn = env[`${name}_ARN`];
  if (!arn) throw new Error(`environment variable ${name}_ARN is not set`);
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const value = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!value.SecretString) throw new Error(`secret ${arn} has no value`);
  return value.SecretString;
}
