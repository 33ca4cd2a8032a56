namespace Release.Containers.Running;

/// <summary>A container engine command failed; the message names the container or image and what the engine said.</summary>
public sealed class ContainerRunException(string message) : Exception(message)
{
    /// <summary>The registry refused to serve the image to the engine without (valid) credentials.</summary>
    public bool Unauthorized { get; init; }
}
