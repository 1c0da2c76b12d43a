namespace Rekindle.Browser.Tests.Template;

/// <summary>
/// The app made by <c>dotnet new rekindle</c> from the packed packages (<see cref="PackedTemplate"/>),
/// running as a child process with its project folder as content root (wwwroot), and Chromium.
/// </summary>
public sealed class TemplateAppFixture : ServerProcessFixture
{
    private PackedTemplate? _template;

    internal PackedTemplate Template => _template ?? throw new InvalidOperationException("The fixture is not initialized.");

    protected override async Task<ServerProcess> StartServerAsync()
    {
        _template = await PackedTemplate.CreateAsync();
        return await ServerProcess.StartAppAsync(_template.AppDll, "--contentRoot", _template.AppFolder);
    }

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            _template?.Delete();
        }
    }
}
