namespace Release.Delivery.Integrate;

/// <summary>The Integrate stage for components that run it inside their own target (a rebuild tests what it recreated).</summary>
public static class IntegrationRun
{
    /// <summary>Runs the integration tests against the deployment of the build's <c>--environment</c>, exactly as Integrate does.</summary>
    /// <param name="build">The build.</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="InvalidOperationException">A test failed (the reports are written first).</exception>
    public static Task RunAsync(IIntegrate build, CancellationToken ct) => new IntegrateStage(build).RunAsync(ct);
}
