import type { Order, OrderStatus, Trend } from '@onevisit/functions/supervision';
import { data, request } from '../api';

/** The supervision page's own calls: the trend, and 督办 raised, listed and answered. */

export type { Order, OrderStatus };

/** By when: working days from today, or a date. */
export type OrderDue = { workdays: number } | { date: string };

export const supervisionApi = {
  trend: (j: string, q: { to: string; counties: boolean }) => data(request<Trend>('GET', `/api/admin/${j}/supervision/trend?to=${q.to}&counties=${q.counties ? 1 : 0}`)),
  orders: (j: string) => data(request<Order[]>('GET', `/api/admin/${j}/supervision/orders`)),
  /** Sent with a key of its own, so a retried request raises one order. */
  raiseOrder: (j: string, body: { trackingNumber: string; ask: string; due: OrderDue }, idempotencyKey: string) =>
    data(request<Order>('POST', `/api/admin/${j}/supervision/orders`, { body, idempotencyKey })),
  caseOrders: (trackingNumber: string) => data(request<Order[]>('GET', `/api/officer/cases/${trackingNumber}/supervision-orders`)),
  answerOrder: (trackingNumber: string, seq: number, answer: string, idempotencyKey: string) =>
    data(request<Order>('POST', `/api/officer/cases/${trackingNumber}/supervision-orders/${seq}/answer`, { body: { answer }, idempotencyKey })),
};

export const orderStatusNames: Record<OrderStatus, readonly [string, string]> = { open: ['待答复', 'awaiting answer'], overdue: ['逾期未答复', 'overdue'], answered: ['已答复', 'answered'] };
export const orderStatusColours: Record<OrderStatus, string> = { open: 'blue', overdue: 'red', answered: 'green' };
