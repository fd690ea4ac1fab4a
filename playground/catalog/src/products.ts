export interface Product {
  sku: string;
  name: string;
  price: number;
}

export const products: readonly Product[] = [
  { sku: 'kb-01', name: 'Mechanical keyboard', price: 89 },
  { sku: 'ms-02', name: 'Wireless mouse', price: 39 },
  { sku: 'mn-03', name: '27" monitor', price: 249 },
];
