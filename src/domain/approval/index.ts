/** 审批: routing across schools, the request state machine, policy checks, facility bookings. Pure rules. */
export * from './types';
export * from './route';
export * from './machine';
export * from './duty';
export * from './checks';
export * from './facility';
export * from './escalation';
export * from './edit';
export * from './remind';
export * from './cc';
