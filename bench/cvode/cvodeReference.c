#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunlinsol/sunlinsol_dense.h>
#include "fifty.h"
static int prob;
static int f(realtype t, N_Vector yv, N_Vector dv, void *ud){
  double *y=N_VGetArrayPointer(yv),*d=N_VGetArrayPointer(dv);
  if(prob==0){ d[0]=y[1]; d[1]=((1-y[0]*y[0])*y[1]-y[0])/1e-6; }
  else if(prob==1){ d[0]=-0.04*y[0]+1e4*y[1]*y[2]; d[2]=3e7*y[1]*y[1]; d[1]=-d[0]-d[2]; }
  else if(prob==3){ d[0]=-1.71*y[0]+0.43*y[1]+8.32*y[2]+0.0007; d[1]=1.71*y[0]-8.75*y[1]; d[2]=-10.03*y[2]+0.43*y[3]+0.035*y[4];
    d[3]=8.32*y[1]+1.71*y[2]-1.12*y[3]; d[4]=-1.745*y[4]+0.43*y[5]+0.43*y[6]; d[5]=-280.0*y[5]*y[7]+0.69*y[3]+1.71*y[4]-0.43*y[5]+0.69*y[6];
    d[6]=280.0*y[5]*y[7]-1.81*y[6]; d[7]=-d[6]; }
  else { for(int i=0;i<50;i++){ double u=y[i]; double u6=u*u*u*u*u*u; d[i]=S2[i]*u6*(RHO[i]-u);} }
  return 0;}
static int jac(realtype t, N_Vector yv, N_Vector fy, SUNMatrix J, void *ud, N_Vector a, N_Vector b, N_Vector c){
  double *y=N_VGetArrayPointer(yv);
  if(prob==0){ SM_ELEMENT_D(J,0,0)=0; SM_ELEMENT_D(J,0,1)=1; SM_ELEMENT_D(J,1,0)=(-2*y[0]*y[1]-1)/1e-6; SM_ELEMENT_D(J,1,1)=(1-y[0]*y[0])/1e-6; }
  else if(prob==1){ SM_ELEMENT_D(J,0,0)=-0.04; SM_ELEMENT_D(J,0,1)=1e4*y[2]; SM_ELEMENT_D(J,0,2)=1e4*y[1];
    SM_ELEMENT_D(J,1,0)=0.04; SM_ELEMENT_D(J,1,1)=-1e4*y[2]-6e7*y[1]; SM_ELEMENT_D(J,1,2)=-1e4*y[1];
    SM_ELEMENT_D(J,2,0)=0; SM_ELEMENT_D(J,2,1)=6e7*y[1]; SM_ELEMENT_D(J,2,2)=0; }
  else if(prob==3){ SUNMatZero(J);
    SM_ELEMENT_D(J,0,0)=-1.71; SM_ELEMENT_D(J,0,1)=0.43; SM_ELEMENT_D(J,0,2)=8.32;
    SM_ELEMENT_D(J,1,0)=1.71; SM_ELEMENT_D(J,1,1)=-8.75;
    SM_ELEMENT_D(J,2,2)=-10.03; SM_ELEMENT_D(J,2,3)=0.43; SM_ELEMENT_D(J,2,4)=0.035;
    SM_ELEMENT_D(J,3,1)=8.32; SM_ELEMENT_D(J,3,2)=1.71; SM_ELEMENT_D(J,3,3)=-1.12;
    SM_ELEMENT_D(J,4,4)=-1.745; SM_ELEMENT_D(J,4,5)=0.43; SM_ELEMENT_D(J,4,6)=0.43;
    SM_ELEMENT_D(J,5,3)=0.69; SM_ELEMENT_D(J,5,4)=1.71; SM_ELEMENT_D(J,5,5)=-0.43-280.0*y[7]; SM_ELEMENT_D(J,5,6)=0.69; SM_ELEMENT_D(J,5,7)=-280.0*y[5];
    SM_ELEMENT_D(J,6,5)=280.0*y[7]; SM_ELEMENT_D(J,6,6)=-1.81; SM_ELEMENT_D(J,6,7)=280.0*y[5];
    SM_ELEMENT_D(J,7,5)=-280.0*y[7]; SM_ELEMENT_D(J,7,6)=1.81; SM_ELEMENT_D(J,7,7)=-280.0*y[5]; }
  else { SUNMatZero(J); for(int i=0;i<50;i++){double u=y[i]; double u5=u*u*u*u*u; SM_ELEMENT_D(J,i,i)=S2[i]*(6*u5*(RHO[i]-u)-u5*u);} }
  return 0;}
int main(int argc,char**argv){
  prob=atoi(argv[1]); double rtol=atof(argv[2]); double atolf=atof(argv[3]); int usej=atoi(argv[4]);
  SUNContext ctx; SUNContext_Create(NULL,&ctx);
  int n = prob==0?2:prob==1?3:prob==3?8:50; double t1 = prob==0?2:prob==1?1e11:prob==3?321.8122:TEND;
  N_Vector y=N_VNew_Serial(n,ctx); double*yy=N_VGetArrayPointer(y);
  if(prob==0){yy[0]=2;yy[1]=0;} else if(prob==1){yy[0]=1;yy[1]=0;yy[2]=0;} else if(prob==3){ for(int i=0;i<8;i++) yy[i]=0; yy[0]=1; yy[7]=0.0057; } else for(int i=0;i<50;i++) yy[i]=U0;
  void*cv=CVodeCreate(CV_BDF,ctx); CVodeInit(cv,f,0,y);
  if(prob==1 && argc>5){ N_Vector av=N_VNew_Serial(3,ctx); double*a=N_VGetArrayPointer(av); a[0]=1e-6*atolf; a[1]=1e-10*atolf; a[2]=1e-6*atolf; CVodeSVtolerances(cv,rtol,av);} else CVodeSStolerances(cv,rtol,atolf);
  SUNMatrix A=SUNDenseMatrix(n,n,ctx); SUNLinearSolver LS=SUNLinSol_Dense(y,A,ctx); CVodeSetLinearSolver(cv,LS,A);
  if(usej) CVodeSetJacFn(cv,jac);
  CVodeSetMaxNumSteps(cv,1000000);
  double t; int flag=CVode(cv,t1,y,&t,CV_NORMAL);
  long nst,nfe,nje,nfeLS,nsetups,nni,ncfn,netf; CVodeGetNumSteps(cv,&nst); CVodeGetNumRhsEvals(cv,&nfe); CVodeGetNumJacEvals(cv,&nje); CVodeGetNumLinRhsEvals(cv,&nfeLS); CVodeGetNumLinSolvSetups(cv,&nsetups); CVodeGetNumNonlinSolvIters(cv,&nni); CVodeGetNumNonlinSolvConvFails(cv,&ncfn); CVodeGetNumErrTestFails(cv,&netf);
  printf("{\"flag\":%d,\"nst\":%ld,\"nfe\":%ld,\"nfeLS\":%ld,\"nje\":%ld,\"nsetups\":%ld,\"nni\":%ld,\"ncfn\":%ld,\"netf\":%ld,\"y\":[",flag,nst,nfe,nfeLS,nje,nsetups,nni,ncfn,netf);
  for(int i=0;i<n;i++) printf("%s%.17g",i?",":"",yy[i]);
  printf("]}\n"); return 0;}
