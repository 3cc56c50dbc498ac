// Drives SharpClaw's OpenAI-compatible HTTP API with the official `openai` npm client and prints one JSON line per
// step. Env: SHARPCLAW_HTTP_URL (gateway base URL), SHARPCLAW_TOKEN. The C# test scripts the model's replies in the
// order of the steps below. Exit code 0 when every step ran.
import OpenAI from "openai";

const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
const client = new OpenAI({ baseURL: new URL("v1", process.env.SHARPCLAW_HTTP_URL).toString(), apiKey: process.env.SHARPCLAW_TOKEN, maxRetries: 0, timeout: 30000 });
const weather = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };

try {
  const models = await client.models.list();
  out({ step: "models", ids: models.data.map((m) => m.id) });

  const chat = await client.chat.completions.create({ model: "openclaw", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "hi" }] });
  out({ step: "chat", content: chat.choices[0].message.content, finish: chat.choices[0].finish_reason, usage: chat.usage });

  const stream = await client.chat.completions.create({ model: "openclaw", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "stream please" }] });
  let streamed = "";
  let usage = null;
  for await (const chunk of stream) {
    streamed += chunk.choices[0]?.delta?.content ?? "";
    usage = chunk.usage ?? usage;
  }
  out({ step: "chat-stream", content: streamed, usage });

  const tools = [{ type: "function", function: { name: "get_weather", description: "Weather for a city", parameters: weather } }];
  const toolCall = await client.chat.completions.create({ model: "openclaw", tools, messages: [{ role: "user", content: "Weather in Paris?" }] });
  const call = toolCall.choices[0].message.tool_calls?.[0];
  out({ step: "chat-tools", finish: toolCall.choices[0].finish_reason, name: call?.function.name, args: call ? JSON.parse(call.function.arguments) : null });

  const response = await client.responses.create({ model: "openclaw", instructions: "Be nice.", input: "hello responses" });
  out({ step: "responses", status: response.status, text: response.output_text, usage: response.usage });

  const events = await client.responses.create({ model: "openclaw", input: "stream responses", stream: true });
  const types = [];
  let text = "";
  for await (const event of events) {
    types.push(event.type);
    if (event.type === "response.output_text.delta") text += event.delta;
  }
  out({ step: "responses-stream", types, text });

  const fnTools = [{ type: "function", name: "get_weather", parameters: weather, strict: false }];
  const first = await client.responses.create({ model: "openclaw", input: "Weather in Lima?", tools: fnTools });
  const fc = first.output.find((o) => o.type === "function_call");
  const second = await client.responses.create({
    model: "openclaw",
    previous_response_id: first.id,
    tools: fnTools,
    input: [{ type: "function_call_output", call_id: fc.call_id, output: "Cloudy, 18C" }],
  });
  out({ step: "responses-tools", firstStatus: first.status, name: fc.name, args: JSON.parse(fc.arguments), secondStatus: second.status, text: second.output_text });

  try {
    await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
    out({ step: "error", status: 200 });
  } catch (err) {
    out({ step: "error", status: err.status, message: err.error?.message ?? err.message });
  }

  process.exit(0);
} catch (err) {
  out({ step: "failed", message: String(err?.stack ?? err) });
  process.exit(1);
}
