using System.Text.RegularExpressions;
using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>Checks repository names and tags against the OCI distribution spec's grammar.</summary>
public static partial class OciNames
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="parameterName"/> when the repository name is invalid.</summary>
    public static void ValidateRepository(string repository, string parameterName = "repository")
    {
        if (string.IsNullOrEmpty(repository) || repository.Length > 255 || !RepositoryPattern().IsMatch(repository))
        {
            throw new ArgumentException(
                $"repository name '{repository}' is invalid: use lower-case path components of [a-z0-9] " +
                "separated by '.', '_', '__' or '-', joined by '/' (e.g. 'apps/web-api').", parameterName);
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="parameterName"/> when the tag is invalid.</summary>
    public static void ValidateTag(string tag, string parameterName = "tag")
    {
        if (string.IsNullOrEmpty(tag) || !TagPattern().IsMatch(tag))
        {
            throw new ArgumentException(
                $"tag '{tag}' is invalid: up to 128 characters of [A-Za-z0-9_.-], not starting with '.' or '-' " +
                "(Helm turns '+' into '_').", parameterName);
        }
    }

    /// <summary>Throws when <paramref name="reference"/> is neither a valid tag nor a digest.</summary>
    public static void ValidateReference(string reference, string parameterName = "reference")
    {
        if (!OciDigest.TryParse(reference, out _))
        {
            ValidateTag(reference, parameterName);
        }
    }

    [GeneratedRegex("^[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$")]
    private static partial Regex TagPattern();
}
