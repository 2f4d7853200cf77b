// Generated from contracts/openapi/crm-v1.json by `./crm contracts` (OpenApiContractTests). Do not edit.
/** The longest text the API accepts in each string property (each element, for a list of strings), per schema. */
export const maxLengths = {
  AcknowledgeMarketReportInput: {
    response: 1000,
  },
  BulkTransferInput: {
    reason: 200,
  },
  CauseChangeInput: {
    name: 50,
    englishName: 50,
  },
  CauseInput: {
    causeKey: 40,
    note: 1000,
  },
  CheckOutInput: {
    outcome: 1000,
    nextStep: 500,
  },
  CloseInput: {
    note: 1000,
  },
  ComplaintInput: {
    title: 200,
    description: 4000,
    product: 100,
    contactName: 100,
  },
  ConfirmationChangeInput: {
    reason: 500,
  },
  ConfirmationInput: {
    reason: 500,
  },
  ContactInput: {
    name: 100,
    phone: 30,
    likes: 500,
    notes: 500,
  },
  CustomerInput: {
    name: 100,
    phone: 30,
    otherPhones: 30,
    email: 200,
    company: 200,
    position: 100,
    address: 200,
    region: 100,
    industry: 100,
    tags: 30,
    occupation: 100,
    hobbies: 500,
    personality: 500,
    family: 500,
    preferredProducts: 200,
    preferredColours: 200,
    preferredSpecs: 200,
    preferredChannels: 200,
  },
  CustomerUpdateInput: {
    note: 1000,
  },
  DailyReportInput: {
    complaintNotes: 2000,
    competitorInfo: 2000,
    customerFeedback: 2000,
    customerNews: 2000,
    lessons: 2000,
  },
  DealInput: {
    title: 200,
    nextStep: 500,
  },
  DealLineInput: {
    product: 100,
    spec: 100,
    unit: 20,
  },
  DealObjectionInput: {
    note: 500,
  },
  DealStageInput: {
    stage: 40,
  },
  InteractionInput: {
    summary: 1000,
    nextStep: 500,
  },
  InvoiceInput: {
    number: 50,
  },
  KeyDateInput: {
    label: 100,
  },
  LoseDealInput: {
    note: 500,
  },
  MarketReportInput: {
    competitor: 100,
    product: 100,
    description: 2000,
    suggestedAction: 2000,
  },
  NewCauseInput: {
    key: 40,
    name: 50,
    englishName: 50,
  },
  ObjectionScriptInput: {
    text: 2000,
    englishText: 2000,
  },
  PaymentInput: {
    method: 30,
    note: 500,
  },
  PipelineStageInput: {
    key: 40,
    name: 50,
    englishName: 50,
  },
  PlannedVisitInput: {
    area: 100,
    notes: 500,
  },
  PreventionInput: {
    action: 1000,
  },
  ProductInput: {
    name: 100,
    spec: 100,
    unit: 20,
    category: 50,
  },
  ReleaseInput: {
    reason: 200,
  },
  ReopenInput: {
    reason: 1000,
  },
  ResolutionInput: {
    description: 1000,
  },
  ReturnPlanInput: {
    comment: 500,
  },
  ReviewReportInput: {
    comment: 1000,
  },
  SavedFilterInput: {
    name: 50,
    query: 1000,
  },
  StandardAnswerInput: {
    question: 300,
    answer: 4000,
    product: 100,
    causeKey: 40,
  },
  TargetInput: {
    productCategory: 50,
  },
  TransferInput: {
    reason: 200,
  },
  ValueTierOverrideInput: {
    reason: 200,
  },
  WeeklyReportInput: {
    plan: 4000,
    comment: 4000,
  },
} as const;

/** The most elements the API accepts in each list property, per schema. */
export const maxItems = {
  CustomerInput: {
    otherPhones: 5,
    tags: 20,
  },
  PipelineInput: {
    stages: 20,
  },
  TargetSplitInput: {
    children: 400,
  },
  VisitPlanInput: {
    visits: 30,
  },
} as const;
