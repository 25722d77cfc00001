// STUB — being implemented (issue 4).
export {};
