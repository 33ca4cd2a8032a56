using Release.Engine;

namespace Release.Releasing.Common;

/// <summary>Refuses to store text that contains one of the build's secret values (records and evidence are public to auditors).</summary>
internal static class SecretGuard
{
    /// <summary>Throws when <paramref name="text"/> holds a secret; the message names the place, never the secret.</summary>
    public static void Check(IBuild build, string? text, string where)
    {
        if (string.IsNullOrEmpty(text)) return;
        if (build.Context.Secrets.Secrets.Any(s => s.Length > 0 && text.Contains(s, StringComparison.Ordinal)))
            throw new ReleaseRefusedException(
                $"{where} contains a secret value of this build; it was not recorded. Remove the secret and try again.");
    }
}
