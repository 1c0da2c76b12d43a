using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>The outcome of async work the view or one of its components started, to apply on the view's loop.</summary>
internal sealed record AsyncOutcomeMessage(LiveTemplate Owner, AsyncOutcome Outcome) : ViewMessage;
