using Release.Applications;

namespace Release.Environments;

/// <summary>One declared configuration key: its kind, its value (text, flag or secret reference) and where it was declared.</summary>
/// <param name="Key">The key, e.g. <c>LOG_LEVEL</c>.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Text">The plain value (<see cref="ConfigurationKind.Value"/>) or <c>true</c>/<c>false</c> (<see cref="ConfigurationKind.Flag"/>);
/// null for a secret.</param>
/// <param name="Secret">The reference (<see cref="ConfigurationKind.Secret"/>); null otherwise.</param>
/// <param name="Site">Where it was declared.</param>
public sealed record ConfigurationEntry(string Key, ConfigurationKind Kind, string? Text, SecretReference? Secret, DeclarationSite Site)
{
    /// <summary>What a report may show: the text, the flag, or the reference (never a secret's value, which is never known).</summary>
    public string Shown => Kind == ConfigurationKind.Secret ? Secret!.ToString() : Text!;
}
