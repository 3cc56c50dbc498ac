namespace SharpClaw.Gateway.Http.Responses;

/// <summary>What PdfPig read from a PDF: the text of its first pages and those pages' crop-box sizes in points.</summary>
internal sealed record PdfContent(string Text, IReadOnlyList<(double Width, double Height)> PageSizes);
