namespace Release.Delivery.Deploy.Local;

/// <summary>
/// A local deployment as remembered in <c>.nuke/temp/deploy/&lt;module&gt;-&lt;env&gt;.json</c>, so a later run can replace
/// (or <c>Undeploy</c> can stop) an instance that an earlier run left running with <c>--keep-running</c>.
/// </summary>
/// <param name="Kind"><c>podman</c>, <c>docker</c> or <c>process</c>.</param>
/// <param name="Id">The container name, or the process id.</param>
/// <param name="Url">Where it answers.</param>
/// <param name="Program">For a process: the app's dll, checked before stopping a process id (ids are reused).</param>
/// <param name="Image">For a container: the image reference it was started from (by digest), compared by Drift.</param>
/// <param name="ContainerId">For a container: the engine's id of the container started, so one replaced by hand under the same name is found.</param>
internal sealed record LocalInstanceState(string Kind, string Id, string Url, string? Program, string? Image = null, string? ContainerId = null);
