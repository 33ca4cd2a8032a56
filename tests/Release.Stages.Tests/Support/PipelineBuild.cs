using Release.Engine;
using Release.Stages.Scan;
using Release.Stages.UnitTest;

namespace Release.Stages.Tests.Support;

/// <summary>A build class as a user writes it: the stage components mixed in, nothing else.</summary>
public sealed class PipelineBuild : Build, IScan, IUnitTest;
