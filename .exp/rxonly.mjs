import { Observable, Subject, Subscriber } from 'rxjs'; export const x = [Observable, Subject, Subscriber];
