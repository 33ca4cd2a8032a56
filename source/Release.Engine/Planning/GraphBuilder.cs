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
                Links(t.Consumes),
                t.Definition.RequiredParameters.Select(r => r.MemberName).ToList(),
                t.Definition.ProceedsAfterFailure,
                t.Definition.IsAssuredAfterFailure)
            {
                Family = t.Family,
                Member = t.Member,
                ChangedBy = t.Definition.ChangedByGlobs.ToList(),
            }).ToList(),
            parameters);

    private static List<ArtifactLink> Links(List<(ExecutableTarget Producer, IReadOnlyList<string> Globs)> consumes)
    {
        var links = new List<ArtifactLink>(consumes.Count);
        foreach (var (producer, globs) in consumes) links.Add(new ArtifactLink(producer.Name, globs));
        return links;
    }

    private static IReadOnlyList<string> Names(IEnumerable<ExecutableTarget> targets) => targets.Select(t => t.Name).ToList();
}
