using System.Runtime.ExceptionServices;
using Release.Engine.Output;
using Release.Engine.Parameters;

namespace Release.Engine.Startup;

/// <summary>
/// What reflection finds on a build's type alone, before there is an instance: its parameters, then their part of the
/// schema; and, for a console run, the console writer (opening it costs a start about ten milliseconds). Worked out on
/// a second thread from the start of a run, while the first parses the command line, reads the environment and the
/// parameters files and lists the target properties, and then evaluates the target definitions; on a machine with
/// two cores that takes this work off the start-up's critical path. A failure is kept and thrown where the result is
/// first needed, so errors come in the order they always did.
/// </summary>
internal sealed class BuildTypeModel
{
    private readonly Type _buildType;
    private readonly bool _openConsole;
    private TextWriter? _console;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _parametersFound = new();
    private BuildSchema.ParameterSection? _schemaParameters;
    private IReadOnlyList<ParameterDescriptor>? _parameters;
    private ExceptionDispatchInfo? _parametersFailure;

    private BuildTypeModel(Type buildType, bool openConsole)
    {
        _buildType = buildType;
        _openConsole = openConsole;
        _thread = new Thread(Load) { IsBackground = true, Name = "Release: build type" };
    }

    public static BuildTypeModel Start(Type buildType, bool openConsole)
    {
        var model = new BuildTypeModel(buildType, openConsole);
        model._thread.UnsafeStart(); // no execution context to carry: the work reads types only
        return model;
    }

    /// <summary>The build's parameters (see <see cref="ParameterDiscovery"/>).</summary>
    public IReadOnlyList<ParameterDescriptor> Parameters
    {
        get
        {
            _parametersFound.Wait();
            _parametersFailure?.Throw();
            return _parameters!;
        }
    }

    /// <summary>The process's standard output writer (<see cref="ConsoleWriter"/>), opened on this model's thread when asked to.</summary>
    public TextWriter ConsoleOutput
    {
        get
        {
            _thread.Join();
            return _console ?? ConsoleWriter.Open();
        }
    }

    /// <summary>The parameters' part of the schema, or null when it could not be rendered ahead (the writer then renders it).</summary>
    public BuildSchema.ParameterSection? SchemaParameters
    {
        get
        {
            _thread.Join();
            return _schemaParameters;
        }
    }

    private void Load()
    {
        try { _parameters = ParameterDiscovery.Discover(_buildType); }
        catch (Exception e) { _parametersFailure = ExceptionDispatchInfo.Capture(e); }
        _parametersFound.Set();
        if (_parameters is not null)
            try { _schemaParameters = new BuildSchema.ParameterSection(_parameters); }
            catch (Exception) { /* rendered again, and reported, by the schema writer */ }
        if (_openConsole)
            try { _console = ConsoleWriter.Open(); }
            catch (Exception) { /* opened again, and reported, where the first line is written */ }
    }
}
