namespace Release.CI.Planning;

/// <summary>
/// The compiled build definition, made by a first job and handed to every other job of the pipeline
/// (<see cref="CiConfiguration.ShareCompiledBuild"/>). <c>build.sh</c> compiles <c>build/</c> into <c>.nuke/temp/bin</c>
/// and keeps a content hash of the sources there, so a later job, whose fresh checkout makes every source look newer,
/// reuses that folder instead of compiling again (minutes per job otherwise).
/// </summary>
internal static class CompiledBuild
{
    /// <summary>The GitLab job that compiles the build.</summary>
    public const string GitLabJobName = "build-definition";

    /// <summary>The Azure stage, job and pipeline artifact that compile and carry the build.</summary>
    public const string AzureName = "BuildDefinition";

    /// <summary>Where <c>build.sh</c> puts the compiled build, relative to the root: the one folder that is handed on.</summary>
    public const string Directory = ".nuke/temp/bin";

    /// <summary>Compiles the build (when its sources changed) and runs nothing: the parameter list is a cheap target-free run.</summary>
    public const string Command = "./build.sh --help";
}
