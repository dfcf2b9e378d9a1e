<?xml version="1.0" encoding="UTF-8"?>
<!--
  wco-dm-res (WCO Data Model 3.6 response profile) to canonical Response documents, one per
  Response: a bare Response in urn:wco:datamodel:WCO:RES-DMS:2, or the Responses of a MetaData
  envelope without a namespace (the published notification form). Elements are matched by local
  name, so both spellings read alike.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:wco="urn:wco-ecom-adapter:wco-dm-common"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../wco-dm-common/wco-dm-common.xsl"/>

  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <!-- UN/EDIFACT 1225 response function codes as canonical outcomes; the code itself is kept in StatusCode -->
  <xsl:variable name="outcomes" select="map{
      '1': 'ACCEPTED', '01': 'ACCEPTED', '2': 'RECEIVED', '02': 'RECEIVED', '3': 'REJECTED', '03': 'REJECTED',
      '5': 'UNDER_CONTROL', '05': 'UNDER_CONTROL', '6': 'UNDER_CONTROL', '06': 'UNDER_CONTROL',
      '9': 'RELEASED', '09': 'RELEASED', '10': 'CANCELLED', '13': 'ACCEPTED', '16': 'CLOSED'}"/>

  <xsl:template match="/">
    <xsl:apply-templates select="(*:Response | *:MetaData/*:Response)"/>
  </xsl:template>

  <xsl:template match="*:Response">
    <xsl:variable name="d" select="*:Declaration"/>
    <xsl:variable name="code" select="string(*:FunctionCode)"/>
    <xsl:variable name="taxes" select="($d/*:DutyTaxFee, $d/*:GoodsShipment/*:GovernmentAgencyGoodsItem/*:Commodity/*:DutyTaxFee)[*:Payment/(*:TaxAssessedAmount | *:PaymentAmount)]"/>
    <xsl:document>
      <c:Response>
        <c:ResponseId><xsl:value-of select="(*:FunctionalReferenceID, 'UNKNOWN')[1]"/></c:ResponseId>
        <c:IssueDateTime><xsl:value-of select="if (*:IssueDateTime) then wco:iso(*:IssueDateTime) else if (exists($received-at)) then $received-at
            else error(xs:QName('err:VALUE_INVALID'), 'a response needs its IssueDateTime', .)"/></c:IssueDateTime>
        <c:Source>
          <c:Partner><xsl:value-of select="($partner[.], 'unknown')[1]"/></c:Partner>
          <c:Format>wco-dm-res</c:Format>
          <c:RecordIndex><xsl:value-of select="count(preceding-sibling::*:Response) + 1"/></c:RecordIndex>
          <xsl:if test="$channel"><c:Channel><xsl:value-of select="$channel"/></c:Channel></xsl:if>
          <xsl:if test="exists($received-at)"><c:ReceivedAt><xsl:value-of select="$received-at"/></c:ReceivedAt></xsl:if>
        </c:Source>
        <c:RefersTo>
          <c:Format>wco-dm-dec</c:Format>
          <xsl:for-each select="$d/*:FunctionalReferenceID"><c:Reference type="LOCAL_REFERENCE"><xsl:value-of select="."/></c:Reference></xsl:for-each>
          <xsl:for-each select="$d/*:ID"><c:Reference type="{(@schemeID, 'MRN')[1]}"><xsl:value-of select="."/></c:Reference></xsl:for-each>
          <xsl:for-each select="$d/*:VersionID"><c:Reference type="VERSION"><xsl:value-of select="."/></c:Reference></xsl:for-each>
        </c:RefersTo>
        <c:Outcome><xsl:value-of select="($outcomes($code), 'RECEIVED')[1]"/></c:Outcome>
        <c:StatusCode scheme="WCO-RES-FUNCTION"><xsl:value-of select="$code"/></c:StatusCode>
        <xsl:for-each select="*:AdditionalInformation/*:StatementDescription[1]"><c:Message><xsl:value-of select="."/></c:Message></xsl:for-each>
        <xsl:for-each select="*:Error">
          <c:Error>
            <c:Code><xsl:value-of select="(*:ValidationCode, 'UNSPECIFIED')[1]"/></c:Code>
            <c:Description><xsl:value-of select="(*:Description, *:ValidationCode, 'no description')[1]"/></c:Description>
            <xsl:for-each select="*:Pointer[*:TagID]">
              <c:Pointer>
                <c:Path><xsl:value-of select="*:TagID"/></c:Path>
                <xsl:for-each select="*:DocumentSectionCode"><c:Document><xsl:value-of select="."/></c:Document></xsl:for-each>
              </c:Pointer>
            </xsl:for-each>
          </c:Error>
        </xsl:for-each>
        <xsl:for-each select="$d/*:AcceptanceDateTime"><c:AcceptanceDateTime><xsl:value-of select="wco:iso(.)"/></c:AcceptanceDateTime></xsl:for-each>
        <xsl:for-each select="$d/*:RejectionDateTime"><c:RejectionDateTime><xsl:value-of select="wco:iso(.)"/></c:RejectionDateTime></xsl:for-each>
        <xsl:for-each select="(*:Status/*:ReleaseDateTime)[1]"><c:ReleaseDateTime><xsl:value-of select="wco:iso(.)"/></c:ReleaseDateTime></xsl:for-each>
        <xsl:if test="exists($taxes)">
          <xsl:variable name="amounts" select="$taxes ! (*:Payment/*:TaxAssessedAmount, *:Payment/*:PaymentAmount)[1]"/>
          <c:TaxAssessment>
            <c:Basis scheme="WCO-RES">ASSESSED</c:Basis>
            <xsl:for-each select="$taxes">
              <c:Tax>
                <c:Type><xsl:for-each select="*:TypeCode/@listID"><xsl:attribute name="scheme" select="."/></xsl:for-each><xsl:value-of select="(*:TypeCode, 'UNSPECIFIED')[1]"/></c:Type>
                <xsl:for-each select="*:AdValoremTaxBaseAmount"><c:Base currency="{@currencyID}"><xsl:value-of select="."/></c:Base></xsl:for-each>
                <xsl:for-each select="*:TaxRateNumeric"><c:Rate><xsl:value-of select="."/></c:Rate></xsl:for-each>
                <xsl:for-each select="(*:Payment/*:TaxAssessedAmount, *:Payment/*:PaymentAmount)[1]"><c:Amount currency="{@currencyID}"><xsl:value-of select="."/></c:Amount></xsl:for-each>
              </c:Tax>
            </xsl:for-each>
            <c:Total currency="{$amounts[1]/@currencyID}"><xsl:value-of select="sum($amounts ! xs:decimal(.))"/></c:Total>
          </c:TaxAssessment>
        </xsl:if>
      </c:Response>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
