import type { Permission } from "@/lib/authz/permissions";

// The product's areas in sidebar order. An area appears here only once it is built; the others
// (Monitoring) are added by the issues that build them.
export interface NavItem {
  label: string;
  /** path under /p/<slug> */
  href: string;
  permission: Permission;
  icon: "home" | "audit" | "settings" | "api" | "prompts" | "models" | "playground" | "retrieval" | "datasets" | "evals" | "labelling" | "releases" | "environments" | "traces" | "cost";
}

export const NAV: NavItem[] = [
  { label: "Overview", href: "", permission: "project:read", icon: "home" },
  { label: "Prompts", href: "/prompts", permission: "registry:read", icon: "prompts" },
  { label: "Models", href: "/models", permission: "registry:read", icon: "models" },
  { label: "Retrieval", href: "/retrieval", permission: "registry:read", icon: "retrieval" },
  { label: "Playground", href: "/playground", permission: "registry:read", icon: "playground" },
  { label: "Datasets", href: "/datasets", permission: "registry:read", icon: "datasets" },
  { label: "Evaluations", href: "/evals", permission: "registry:read", icon: "evals" },
  { label: "Labelling", href: "/labelling", permission: "registry:read", icon: "labelling" },
  { label: "Releases", href: "/releases", permission: "registry:read", icon: "releases" },
  { label: "Environments", href: "/environments", permission: "registry:read", icon: "environments" },
  { label: "Traces", href: "/traces", permission: "traces:read", icon: "traces" },
  { label: "Cost", href: "/cost", permission: "traces:read", icon: "cost" },
  { label: "Audit", href: "/audit", permission: "audit:read", icon: "audit" },
  { label: "Settings", href: "/settings", permission: "members:read", icon: "settings" },
  { label: "API reference", href: "/api-reference", permission: "project:read", icon: "api" },
];
