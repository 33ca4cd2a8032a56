namespace Release.Tooling.Kubernetes;

/// <summary>
/// <c>kubectl create secret generic NAME</c>. The values are handed to kubectl on standard input as an env file
/// (<c>--from-env-file=/dev/stdin</c>), so they never appear on a command line, in a process list or in a log.
/// </summary>
/// <param name="Name">The Secret name.</param>
public sealed record KubectlCreateSecretSettings(string Name) : KubectlCreateSettings
{
    /// <summary>The secret entries; values may not contain line breaks (env-file format).</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public override string? StandardInput
    {
        get
        {
            if (Values.Count == 0)
            {
                return null;
            }
            foreach (var (key, value) in Values)
            {
                KubernetesName.RequireKey(key, nameof(Values));
                if (value.IndexOfAny(['\n', '\r']) >= 0)
                {
                    throw new ArgumentException($"Secret value for key '{key}' contains a line break, which kubectl's env-file input cannot carry. Store it base64-encoded or in a file.", nameof(Values));
                }
            }
            return string.Concat(Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}\n"));
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string> KindArguments()
    {
        var arguments = new List<string> { "secret", "generic", KubernetesName.Require(Name, nameof(Name)) };
        if (Values.Count > 0)
        {
            arguments.Add("--from-env-file=/dev/stdin");
        }
        return arguments;
    }
}
