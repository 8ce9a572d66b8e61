import type { Rule } from "./rule";

// Fake conversation structure (delimiter attacks), text planted in documents for the assistant that reads
// them (indirect injection), jailbreak template placeholders, and weak context signals that only count
// together with something stronger.

export const CONTEXT_RULES: readonly Rule[] = [
  { code: "delimiter_attack", weight: 4.5, re: /<\|(?:im_start|im_end|im_sep|system|user|assistant|endoftext|end_of_text|begin_of_text|start_header_id|end_header_id|eot_id|eom_id|fim_[a-z]+|pad|end)\|>/ },
  { code: "delimiter_attack", weight: 4.5, re: /<<\/?sys>>/ },
  { code: "delimiter_attack", weight: 4, re: /\[\/?inst\]/ },
  // chat-markup tokens with their pipes stripped, and banner lines announcing a system block
  { code: "delimiter_attack", weight: 3.5, re: /<\/?\s*(?:im_start|im_end|im_sep|start_header_id|end_header_id|eot_id|endoftext)\s*>/ },
  { code: "delimiter_attack", weight: 3, re: /(?:^|\n)[ \t]*(?:={2,}|-{3,}|\*{3,}|~{3,}|#{1,4}|>{2,})[ \t]*(?:system|admin|developer|root|new|priority|override|system override|admin override|new instructions|instructions|end of (?:conversation|session|prompt|chat))(?:[ \t]+(?:override|message|prompt|instructions?|mode|update|notice))?[ \t]*(?:={2,}|-{3,}|\*{3,}|~{3,}|#{1,4}|<{2,})/ },
  { code: "delimiter_attack", weight: 2.5, re: /(?:^|\n)[ \t]*(?:priority|override|urgent|mandatory|new|updated|hidden)[ \t]+(?:instruction|instructions|directive|directives|command|task)[ \t]*:/ },
  // closing a system block that the user never opened is the tell; an opening tag is weaker
  { code: "delimiter_attack", weight: 4.2, re: /<\/(?:system|sys|system_prompt|system-prompt|instructions?|admin|developer|user_input|context)>/ },
  { code: "delimiter_attack", weight: 3.5, re: /<(?:system|sys|system_prompt|system-prompt|instructions?|prompt|admin|developer|user_input|assistant)>/ },
  { code: "delimiter_attack", weight: 3, re: /(?:^|\n)[ \t]*#{2,4}[ \t]*(?:instruction|instructions|system|response|input|new instructions|system prompt|human|assistant|user)[ \t]*:?[ \t]*(?:\n|$)/ },
  { code: "delimiter_attack", weight: 3, re: /(?:^|\n)[ \t]*#{2,4}[ \t]*(?:instruction|new instructions|system prompt|system)[ \t]*:/ },
  { code: "delimiter_attack", weight: 3.5, re: /\b(?:END OF (?:THE )?(?:SYSTEM )?(?:PROMPT|INSTRUCTIONS|INPUT|CONTEXT|USER INPUT|SYSTEM MESSAGE|CONVERSATION|SESSION|CHAT|DOCUMENT)|BEGIN(?:NING)? (?:OF )?(?:NEW|THE NEW|REAL|ACTUAL|UPDATED) (?:PROMPT|INSTRUCTIONS|SESSION|CONVERSATION|SYSTEM PROMPT))\b/, cased: true },
  { code: "delimiter_attack", weight: 2.5, re: /\b(?:end of (?:the )?(?:system )?(?:prompt|instructions|user input|system message)|begin(?:ning)? (?:of )?(?:new|the new|real|actual|updated) (?:prompt|instructions|session|system prompt))\b/ },
  { code: "delimiter_attack", weight: 2.5, re: /(?:^|\n|\]|\)|[.!?]\s|['"]\s)[ \t]*(?:system|developer|admin|administrator|root)[ \t]*(?:message|prompt|note|override|notice|instruction|update)?[ \t]*:[ \t]/ },
  { code: "delimiter_attack", weight: 3, re: /\[(?:system|admin|developer|system note|system message|sys|system override|admin override|instructions?)(?:\s+(?:note|message|override|update|prompt))?\]/ },
  { code: "delimiter_attack", weight: 2.5, re: /\[\s*(?:user|assistant|human) (?:left|has left|joined|disconnected)[^\]\n]{0,30}\]|\b(?:conversation|chat|session) (?:has been |was )?(?:ended|reset|terminated|restarted|cleared)\b/ },
  { code: "delimiter_attack", weight: 3.5, re: /\b(?:user|human) (?:message|input|turn) (?:terminat\w*|ends?|ended|over|complete)\b|\bsystem (?:instructions?|message|prompt|override) (?:begins?|starting|starts|start|follows|activated|enabled)\b|\b(?:a |the )?new (?:session|conversation|chat|context) (?:begins|starts|has started|has begun|is starting)\b/ },
  { code: "delimiter_attack", weight: 3, re: /"role"\s*:\s*"(?:system|developer)"/ },
  { code: "delimiter_attack", weight: 1, re: /(?:^|\n)[ \t]*(?:assistant|ai|chatgpt|gpt)[ \t]*:/ },

  { code: "indirect_injection", weight: 3.5, re: /\b(?:note|message|instructions?|attention|important|reminder|notice|psa)\s+(?:to|for)\s+(?:the\s+|any\s+|all\s+)?(?:ai|a\.i\.|assistants?|models?|llms?|chatbots?|bots?|language models?|gpt|claude|agents?|ai systems?)\b/ },
  { code: "indirect_injection", weight: 3.5, re: /\bif you are (?:an?\s+)?(?:ai|llm|language model|assistant|chatbot|bot|gpt|agent|ai system|large language model|ai assistant)\b/ },
  { code: "indirect_injection", weight: 3.5, re: /\b(?:ai|assistants?|models?|llms?|agents?|bots?|chatbots?)\s+(?:reading|processing|summari[sz]ing|parsing|analy[sz]ing|viewing|seeing|ingesting)\s+this\b/ },
  { code: "indirect_injection", weight: 4.5, re: /\b(?:ignore|disregard|forget|override|do not answer|don't answer)\s+(?:the\s+)?(?:user|user's|users'|human's|customer's|person's|requester's)\s+(?:[\w-]+\s+){0,2}?(?:request|question|query|instructions|prompt|message|input|task|wishes)/ },
  { code: "indirect_injection", weight: 2.5, re: /\bthe (?:assistant|ai|model|chatbot|bot|llm)\s+(?:must|should|will|shall|is to)\s+(?:now\s+)?(?:obey|ignore|comply|reveal|disregard|only|always|never|forget)\b/ },
  { code: "indirect_injection", weight: 1.2, re: /\b(?:instead|rather),?\s+(?:just\s+|you should\s+|you must\s+|please\s+)?(?:say|respond|reply|output|print|write|answer|tell|send|recommend|state|claim)\b/ },
  { code: "indirect_injection", weight: 3, re: /\bpwned\b/ },
  { code: "indirect_injection", weight: 3.5, re: /\b(?:do not|don't|never)\s+(?:tell|inform|mention|reveal|let|alert|notify|show)\s+(?:this\s+)?(?:to\s+)?(?:the\s+)?(?:user|users|human|customer)\b/ },
  { code: "indirect_injection", weight: 3.5, re: /\b(?:never|don't|do not)\s+(?:mention|reveal|disclose|tell (?:anyone|the user) about|talk about|acknowledge)\s+(?:this|these)\s+(?:note|message|instructions?|rules?|prompt|text|comment)\b/ },
  { code: "indirect_injection", weight: 1.2, re: /\bwhen (?:summari[sz]ing|asked about|you (?:summari[sz]e|read|process|see)|processing)\s+(?:this|the)\b/ },

  { code: "encoded_payload", weight: 3, re: /\b(?:decode|decrypt|translate|convert|unscramble|reverse)\b[^.\n]{0,40}?\b(?:base64|rot-?13|hex|binary|caesar|cipher|morse|backwards|reversed|the following)\b[^.\n]{0,60}?\b(?:follow|execute|obey|do what|act on|carry out|run|perform|comply)/ },

  // a slot for "your prompt" marks a shared, reusable jailbreak template; a "[topic]" slot is ordinary
  { code: "template_placeholder", weight: 4.2, re: /[[{<(]\s*(?:insert|your|put|enter|type|add|write)?\s*(?:your\s+)?(?:prompt|jailbreak|targetlanguage|target language)(?:\s+here)?\s*[\]}>)]/ },
  { code: "template_placeholder", weight: 3.2, re: /\[\s*(?:insert|put|enter|type|add|write|paste)\b[^\]\n]{0,40}\bhere\s*\]/ },
  { code: "template_placeholder", weight: 3.2, re: /[[{<(]\s*(?:insert|your|put|enter|type|add|write)?\s*(?:your\s+)?(?:question|request|query|topic|keyword|input)(?:\s+here)?\s*[\]}>)]/ },

  // a form of slots named after their fields ("Name: <name> Age: <age>") is a template to be filled in
  { code: "template_placeholder", weight: 2.5, re: /\b(\w{2,20}):\s*<\1>[\s\S]{0,200}?\b(\w{2,20}):\s*<\2>/ },
  { code: "template_placeholder", weight: 3.2, re: /[[{(]\s*(?:insert|type|enter|put|paste|write|add)\s+(?:whatever|any|your|the|a|an)\b[^\]})\n]{0,50}[\]})]/ },
  { code: "template_placeholder", weight: 3, re: /\b(?:replace|substitute|swap)\b[^.\n]{0,60}?\bwith (?:whatever|anything|your own|what(?:ever)? you want)\b/ },
  // a remote image in every reply is a channel that can carry conversation data out
  { code: "exfiltration", weight: 2.5, re: /\b(?:add|insert|include|embed|render|display|write|show|post|put)\s+(?:an?\s+|the\s+)?images?\b[^.\n]{0,80}?\b(?:markdown|!\[)|!\[[^\]\n]{0,40}\]\(\s*https?:\/\/[^)\s]*\{[^}\n]{1,40}\}/ },
  { code: "ai_address", weight: 0.8, re: /\b(?:chatgpt|gpt-?\d|openai|language model|llm|as an ai|ai model|ai assistant|chatbot|anthropic|claude|bard|gemini)\b/ },
  { code: "harmful_request", weight: 0.7, re: /\b(?:meth|methamphetamine|cocaine|heroin|fentanyl|bombs?|explosives?|napalm|malware|ransomware|keylogger|kill|murder|rob a bank|hotwire|hack into|poison|weapons?|racist|slurs?|porn|pornographic|nsfw|illegal|illicit|pick (?:a |the )?locks?|lock ?picking|chloroform|thermite|nitroglycerin|launch codes|tnt|c-?4|semtex|detonators?|ghost guns?|nerve agents?|sarin|ricin|mustard gas|molotov|pipe bombs?|lsd|mdma|crystal meth)\b/ },
  // a prompt that sets the assistant up as a configured persona ("Assistant = [NAME]", "Personality = [...]")
  { code: "roleplay_jailbreak", weight: 2.5, re: /\b(?:assistant|ai|bot|chatgpt|gpt|personality|persona|character|model)\s*(?:=|:=|->)\s*[\[{("]/ },
];
