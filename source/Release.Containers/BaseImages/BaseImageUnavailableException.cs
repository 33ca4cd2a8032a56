namespace Release.Containers.BaseImages;

/// <summary>
/// The base image a build needs cannot be pulled. The message names the image, says why, and tells how to point
/// the build at a mirror (the <c>--base-image</c> parameter) or fall back to the embedded, host-assembled base.
/// </summary>
public sealed class BaseImageUnavailableException : Exception
{
    /// <summary>Creates the error for <paramref name="image"/>; <paramref name="reason"/> is what the registry or tool said.</summary>
    public BaseImageUnavailableException(string image, string reason, Exception? inner = null)
        : base(
            $"The base image '{image}' cannot be pulled: {reason}. " +
            "Point the build at a registry mirror that holds it with the --base-image parameter " +
            "(e.g. --base-image registry.example.internal/dotnet/aspnet:10.0), or leave --base-image unset to use the " +
            "embedded base assembled from this machine's .NET runtime.", inner)
    {
        Image = image;
        Reason = reason;
    }

    /// <summary>The image reference that could not be pulled.</summary>
    public string Image { get; }

    /// <summary>Why, as reported by the registry or the build tool.</summary>
    public string Reason { get; }
}
