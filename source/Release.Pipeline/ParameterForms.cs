namespace Release.Pipeline;

/// <summary>
/// The forms the pipeline's parameters take, for their <c>[Pattern]</c> declarations: one home for each, so every
/// stage that declares such a parameter checks it alike (and the schema shows it alike). Each expression reads the same
/// in .NET and in JSON Schema; each description completes "it must be".
/// </summary>
public static class ParameterForms
{
    /// <summary>An OCI repository name (distribution spec): lower-case components joined by <c>/</c>.</summary>
    public const string OciRepository = "^[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*$";

    /// <summary>Words for <see cref="OciRepository"/>.</summary>
    public const string OciRepositoryText = "an OCI repository name: lower-case words separated by /, like apps/director";

    /// <summary>An OCI tag (distribution spec).</summary>
    public const string OciTag = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";

    /// <summary>Words for <see cref="OciTag"/>.</summary>
    public const string OciTagText = "an OCI tag: up to 128 letters, digits, _ . and -, not starting with . or -";

    /// <summary>An http or https URL without spaces.</summary>
    public const string HttpUrl = "^https?://[^\\s]+$";

    /// <summary>An HTTP path such as <c>/health</c>.</summary>
    public const string HttpPath = "^/[^\\s]*$";

    /// <summary>Words for <see cref="HttpPath"/>.</summary>
    public const string HttpPathText = "an HTTP path that starts with /, like /health";
}
