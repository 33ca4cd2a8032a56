using Release.Engine.Parameters;

namespace Release.Engine.Planning;

/// <summary>Projects the executable targets onto the read-only <see cref="TargetGraph"/>.</summary>
internal static class GraphBuilder
{
    public static TargetGraph Build(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters) =>
        new(targets.Select(t => new TargetNode(
                t.Name,
                t.Definition.DescriptionText,
                t.Definition.IsUnlisted,
                Names(t.Dependencies),
                Names(t.RunsAfter),
                Names(t.Triggers),
                t.Definition.ProducedGlobs.ToList(),
                t.Definition.ConsumedGlobs.ToList(),
                t.Consumes.Select(c => new ArtifactLink(c.Producer.Name, c.Globs)).ToList(),
                t.Definition.RequiredParameters.Select(r => r.MemberName).ToList(),
                t.Definition.ProceedsAfterFailure,
                t.Definition.IsAssuredAfterFailure)).ToList(),
            parameters);

    private static IReadOnlyList<string> Names(IEnumerable<ExecutableTarget> targets) => targets.Select(t => t.Name).ToList();
}
