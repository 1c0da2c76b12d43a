using Microsoft.Extensions.Logging;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// Applies the outcome of async work on the view's loop (<see cref="AsyncTasks"/>): to the view, or to
/// the component that started it if the view still renders that component. A failure is logged here
/// and reaches the owner as its failed state; it never ends the view.
/// </summary>
internal static partial class AsyncOutcomes
{
    /// <summary>True when the owner's state changed and the view should render.</summary>
    public static async ValueTask<bool> ApplyAsync(AsyncOutcomeMessage message, RenderSession render, string topic, ILogger logger)
    {
        ComponentState? component = null;
        if (message.Owner is LiveComponent owner)
        {
            component = render.Components.Find(owner.Cid);
            if (component?.Instance != owner)
            {
                Log.OwnerGone(logger, owner.GetType().Name, message.Outcome.Name, topic);
                return false;
            }
        }
        var applied = await message.Owner.AsyncTasks.ApplyAsync(message.Outcome);
        switch (applied)
        {
            case AsyncApplied.Stale:
                Log.StaleOutcome(logger, message.Owner.GetType().Name, message.Outcome.Name, topic);
                return false;
            case AsyncApplied.Failed:
                Log.WorkFailed(logger, message.Outcome.Error, message.Owner.GetType().Name, message.Outcome.Name, topic);
                break;
        }
        if (component is not null)
        {
            component.Dirty = true;
        }
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(2901, LogLevel.Error, "Async work {Name} of {Owner} on {Topic} failed; it shows as failed and the view goes on.", EventName = nameof(WorkFailed))]
        public static partial void WorkFailed(ILogger logger, Exception? exception, string owner, string name, string topic);

        [LoggerMessage(2902, LogLevel.Debug, "Outcome of async work {Name} of {Owner} on {Topic} ignored: a newer run or a cancellation replaced it.", EventName = nameof(StaleOutcome))]
        public static partial void StaleOutcome(ILogger logger, string owner, string name, string topic);

        [LoggerMessage(2903, LogLevel.Debug, "Outcome of async work {Name} of component {Owner} on {Topic} ignored: the view no longer renders the component.", EventName = nameof(OwnerGone))]
        public static partial void OwnerGone(ILogger logger, string owner, string name, string topic);
    }
}
