using Release.Oci;

namespace Release.Pipeline.Registries;

/// <summary>
/// Turns registry failures into messages that name the stage, the registry and the parameter to fix. The
/// underlying messages already name registry, user and digests; this adds where the values came from. Build, Push,
/// Chart and the release process's promotions all report registry failures through it.
/// </summary>
public static class RegistryErrors
{
    /// <summary>
    /// What a registry failure of Push (or a promotion) tells the user to fix: in CI the team's <c>REGISTRY</c> variable,
    /// at a desk the parameters.
    /// </summary>
    public const string PushRegistryHint = "the REGISTRY CI/CD variable (--registry), or --push-registry";

    /// <summary>Runs <paramref name="action"/>, rethrowing registry failures with the stage's context.</summary>
    /// <param name="stage">The stage name, e.g. <c>Build</c>.</param>
    /// <param name="what">What was being done, e.g. <c>pushing the image to localhost:5000</c>.</param>
    /// <param name="registryParameter">The parameter that names the registry, e.g. <c>--registry</c>.</param>
    /// <param name="action">The registry work.</param>
    public static Task Explain(string stage, string what, string registryParameter, Func<Task> action) =>
        Explain(stage, what, registryParameter, async () => { await action().ConfigureAwait(false); return true; });

    /// <summary>Runs <paramref name="action"/>, rethrowing registry failures with the stage's context.</summary>
    /// <param name="stage">The stage name, e.g. <c>Push</c>.</param>
    /// <param name="what">What was being done, e.g. <c>copying the image to localhost:5000/apps/director</c>.</param>
    /// <param name="registryParameter">The parameter that names the registry, e.g. <c>--push-registry</c>.</param>
    /// <param name="action">The registry work.</param>
    public static async Task<T> Explain<T>(string stage, string what, string registryParameter, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (RegistryUnreachableException e)
        {
            throw new InvalidOperationException(
                $"{stage}: {what} failed: {e.Message} To fix: start the registry or correct {registryParameter}.", e);
        }
        catch (RegistryAuthenticationException e)
        {
            throw new InvalidOperationException(
                $"{stage}: {what} failed: {e.Message} To fix: pass valid --registry-username and --registry-password for {e.Registry} " +
                "(or the REGISTRY_USERNAME and REGISTRY_PASSWORD variables).", e);
        }
        catch (ImmutableTagException e)
        {
            throw new InvalidOperationException(
                $"{stage}: {what} refused: tag '{e.Tag}' of {e.Repository} already points at {e.ExistingDigest}, " +
                $"and this build's content is {e.AttemptedDigest}. Released tags never move: build a new version " +
                "(a new commit gives a new tag) or push under another tag.", e);
        }
        catch (OciRegistryException e)
        {
            throw new InvalidOperationException($"{stage}: {what} failed: {e.Message}", e);
        }
    }
}
