namespace Release.Containers.Running;

/// <summary>What <c>inspect</c> says about a container.</summary>
/// <param name="Id">Full container id.</param>
/// <param name="Name">Container name.</param>
/// <param name="Status">Engine status, e.g. <c>running</c>, <c>exited</c>.</param>
/// <param name="Running">True while it runs.</param>
/// <param name="ExitCode">Exit code once it stopped.</param>
/// <param name="Image">The image it was started from.</param>
public sealed record ContainerState(string Id, string Name, string Status, bool Running, int ExitCode, string Image);
