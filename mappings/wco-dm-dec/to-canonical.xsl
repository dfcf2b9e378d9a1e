<?xml version="1.0" encoding="UTF-8"?>
<!--
  wco-dm-dec (WCO Data Model 3.6 declaration profile) to one canonical Declaration. The input has
  been validated against xsd/wco-dm/wco-dm-dec.xsd; the output is validated against the canonical
  schema. Strings are copied as they are; numbers keep their lexical form. What the profile keeps
  and how it says it: see the schema's header and README.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:dec="urn:wco:datamodel:WCO:DEC-DMS:2"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:adapter="urn:wco-ecom-adapter:engine"
    xmlns:wco="urn:wco-ecom-adapter:wco-dm-common"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../wco-dm-common/wco-dm-common.xsl"/>
  <xsl:include href="../common/adapter.xsl"/>

  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="d" select="/dec:Declaration"/>
  <!-- the partner the message came from; the submitter's or declarant's identifier when not given -->
  <xsl:variable name="partner-id" select="($partner[.], $d/dec:Submitter/dec:ID, $d/dec:Declarant/dec:ID, 'unknown')[1]"/>
  <xsl:variable name="gs" select="$d/dec:GoodsShipment"/>
  <xsl:variable name="items" select="$gs/dec:GovernmentAgencyGoodsItem"/>

  <xsl:template match="/">
    <xsl:if test="xs:integer($d/dec:GoodsItemQuantity) != count($items)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'GoodsItemQuantity ' || $d/dec:GoodsItemQuantity
          || ' does not match the ' || count($items) || ' goods items', $d/dec:GoodsItemQuantity)"/>
    </xsl:if>
    <xsl:document>
      <c:Declaration>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key($d)"/></c:RecordId>
          <c:Function sourceCode="{$d/dec:FunctionCode}">
            <xsl:value-of select="map{'9': 'ORIGINAL', '4': 'AMENDMENT', '1': 'CANCELLATION'}(string($d/dec:FunctionCode))"/>
          </c:Function>
          <xsl:for-each select="$d/dec:IssueDateTime"><c:IssueDateTime><xsl:value-of select="wco:iso(.)"/></c:IssueDateTime></xsl:for-each>
          <c:Source>
            <c:Partner><xsl:value-of select="$partner-id"/></c:Partner>
            <c:Format>wco-dm-dec</c:Format>
            <xsl:for-each select="$d/dec:FunctionalReferenceID"><c:RecordGuid><xsl:value-of select="."/></c:RecordGuid></xsl:for-each>
            <c:RecordIndex>1</c:RecordIndex>
            <xsl:if test="$channel"><c:Channel><xsl:value-of select="$channel"/></c:Channel></xsl:if>
            <xsl:if test="exists($received-at)"><c:ReceivedAt><xsl:value-of select="$received-at"/></c:ReceivedAt></xsl:if>
          </c:Source>
        </c:Header>
        <c:TradeDirection sourceCode="{$d/dec:TypeCode}"><xsl:value-of select="if ($d/dec:TypeCode = 'IM') then 'IMPORT' else 'EXPORT'"/></c:TradeDirection>
        <xsl:for-each select="$items[1]/dec:GovernmentProcedure/dec:CurrentCode">
          <xsl:if test="some $other in $items/dec:GovernmentProcedure/dec:CurrentCode satisfies ($other != . or string($other/@listID) != string(@listID))">
            <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'every goods item must declare the same procedure (GovernmentProcedure/CurrentCode)', .)"/>
          </xsl:if>
          <c:Procedure><xsl:for-each select="@listID"><xsl:attribute name="scheme" select="."/></xsl:for-each><xsl:value-of select="."/></c:Procedure>
        </xsl:for-each>
        <xsl:for-each select="$d/dec:FunctionalReferenceID"><c:LocalReference><xsl:value-of select="."/></c:LocalReference></xsl:for-each>
        <xsl:for-each select="$d/dec:ID"><c:CustomsReference type="{(@schemeID, 'MRN')[1]}"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <xsl:for-each select="$gs/dec:UCR/dec:TraderAssignedReferenceID"><c:OrderNumber><xsl:value-of select="."/></c:OrderNumber></xsl:for-each>
        <xsl:for-each select="$gs/dec:PreviousDocument[dec:TypeCode = '703'][1]"><c:TransportDocument type="HOUSE"><xsl:value-of select="dec:ID"/></c:TransportDocument></xsl:for-each>
        <xsl:for-each select="$gs/dec:PreviousDocument[dec:TypeCode = '704'][1]"><c:MasterDocument type="MASTER"><xsl:value-of select="dec:ID"/></c:MasterDocument></xsl:for-each>
        <xsl:for-each select="$d/dec:AdditionalDocument[dec:TypeCode = 'PAYMENT_TRANSACTION_ID'][1]"><c:PaymentTransactionId><xsl:value-of select="dec:ID"/></c:PaymentTransactionId></xsl:for-each>
        <xsl:for-each select="$d/dec:DeclarationOfficeID"><c:DeclarationOffice><xsl:value-of select="."/></c:DeclarationOffice></xsl:for-each>
        <xsl:for-each select="$d/dec:PresentationOffice/dec:ID"><c:EntryOffice><xsl:value-of select="."/></c:EntryOffice></xsl:for-each>
        <xsl:for-each select="$gs/dec:Consignment/dec:GoodsLocation/dec:ID"><c:GoodsLocation><xsl:value-of select="."/></c:GoodsLocation></xsl:for-each>
        <xsl:for-each select="$d/dec:AcceptanceDateTime"><c:DeclarationDate><xsl:value-of select="substring(wco:iso(.), 1, 10)"/></c:DeclarationDate></xsl:for-each>
        <xsl:for-each select="$d/dec:AdditionalInformation[dec:StatementTypeCode = 'ECP'][1]">
          <c:Party role="PLATFORM">
            <xsl:for-each select="dec:StatementDescription"><c:Name><xsl:value-of select="."/></c:Name></xsl:for-each>
            <xsl:for-each select="dec:StatementCode"><c:Identifier scheme="{(@listID, 'UNSPECIFIED')[1]}"><xsl:value-of select="."/></c:Identifier></xsl:for-each>
          </c:Party>
        </xsl:for-each>
        <xsl:apply-templates select="$gs/dec:Seller"><xsl:with-param name="role" select="'SELLER'"/></xsl:apply-templates>
        <xsl:apply-templates select="$d/dec:Consignment/dec:Carrier"><xsl:with-param name="role" select="'LOGISTICS_OPERATOR'"/></xsl:apply-templates>
        <xsl:apply-templates select="$gs/dec:Buyer"><xsl:with-param name="role" select="'BUYER'"/></xsl:apply-templates>
        <!-- the consignee's address is the delivery address -->
        <xsl:apply-templates select="$gs/dec:Consignee[dec:Name or dec:ID]"><xsl:with-param name="role" select="'CONSIGNEE'"/><xsl:with-param name="address" select="false()"/></xsl:apply-templates>
        <xsl:apply-templates select="$gs/dec:Consignor"><xsl:with-param name="role" select="'CONSIGNOR'"/></xsl:apply-templates>
        <xsl:apply-templates select="$gs/dec:Importer"><xsl:with-param name="role" select="'IMPORTER'"/></xsl:apply-templates>
        <xsl:apply-templates select="$gs/dec:Payer"><xsl:with-param name="role" select="'PAYER'"/></xsl:apply-templates>
        <xsl:apply-templates select="$d/dec:Declarant"><xsl:with-param name="role" select="'DECLARANT'"/></xsl:apply-templates>
        <xsl:apply-templates select="$d/dec:Agent"><xsl:with-param name="role" select="'REPRESENTATIVE'"/></xsl:apply-templates>
        <xsl:apply-templates select="$d/dec:Submitter"><xsl:with-param name="role" select="'SUBMITTER'"/></xsl:apply-templates>
        <xsl:apply-templates select="$gs/dec:Surety"><xsl:with-param name="role" select="'GUARANTOR'"/></xsl:apply-templates>
        <xsl:for-each select="$gs/dec:Warehouse">
          <c:Party role="WAREHOUSE_KEEPER"><xsl:apply-templates select="dec:ID"/></c:Party>
        </xsl:for-each>
        <xsl:for-each select="$gs/dec:Consignee/dec:Address">
          <c:DeliveryAddress><xsl:apply-templates select="."/></c:DeliveryAddress>
        </xsl:for-each>
        <xsl:variable name="btm" select="$d/dec:BorderTransportMeans"/>
        <xsl:if test="$btm or $gs/dec:Consignment/dec:ArrivalTransportMeans or $gs/dec:ExportCountry or $d/dec:Consignment/dec:Itinerary">
          <c:Transport>
            <xsl:for-each select="$btm/dec:ModeCode"><c:Mode><xsl:for-each select="@listID"><xsl:attribute name="scheme" select="."/></xsl:for-each><xsl:value-of select="."/></c:Mode></xsl:for-each>
            <xsl:for-each select="$btm/dec:ID"><c:ConveyanceName><xsl:value-of select="."/></c:ConveyanceName></xsl:for-each>
            <xsl:for-each select="$gs/dec:Consignment/dec:ArrivalTransportMeans/dec:ID"><c:ConveyanceReference><xsl:value-of select="."/></c:ConveyanceReference></xsl:for-each>
            <xsl:for-each select="$gs/dec:ExportCountry/dec:ID"><c:DepartureCountry><xsl:value-of select="."/></c:DepartureCountry></xsl:for-each>
            <xsl:for-each select="$d/dec:Consignment/dec:Itinerary">
              <xsl:sort select="xs:integer(dec:SequenceNumeric)"/>
              <c:RoutingCountry><xsl:value-of select="dec:RoutingCountryCode"/></c:RoutingCountry>
            </xsl:for-each>
          </c:Transport>
        </xsl:if>
        <xsl:for-each select="$d/dec:AdditionalDocument[dec:TypeCode != 'PAYMENT_TRANSACTION_ID']">
          <c:AdditionalDocument type="{dec:TypeCode}"><xsl:value-of select="dec:ID"/></c:AdditionalDocument>
        </xsl:for-each>
        <xsl:for-each select="$gs/dec:CustomsValuation/dec:FreightChargeAmount"><c:Freight currency="{@currencyID}"><xsl:value-of select="."/></c:Freight></xsl:for-each>
        <xsl:for-each select="$gs/dec:CustomsValuation/dec:ChargeDeduction[dec:ChargesTypeCode = 'INSURANCE'][1]/dec:OtherChargeDeductionAmount"><c:Insurance currency="{@currencyID}"><xsl:value-of select="."/></c:Insurance></xsl:for-each>
        <xsl:for-each select="$d/dec:InvoiceAmount"><c:InvoiceAmount currency="{@currencyID}"><xsl:value-of select="."/></c:InvoiceAmount></xsl:for-each>
        <xsl:for-each select="$d/dec:TotalPackageQuantity"><c:PackageCount><xsl:value-of select="."/></c:PackageCount></xsl:for-each>
        <xsl:for-each select="$d/dec:TotalGrossMassMeasure"><c:GrossWeight><xsl:value-of select="."/></c:GrossWeight></xsl:for-each>
        <!-- the WCO DM has net mass per goods item only: the declaration's is their sum when every item has one -->
        <xsl:variable name="net" select="$items/dec:Commodity/dec:GoodsMeasure/dec:NetNetWeightMeasure"/>
        <xsl:if test="count($net) = count($items)">
          <c:NetWeight><xsl:value-of select="sum($net ! xs:decimal(.))"/></c:NetWeight>
        </xsl:if>
        <xsl:apply-templates select="$items"/>
        <xsl:for-each select="$d/dec:AdditionalInformation[dec:StatementTypeCode = 'AAI'][1]/dec:StatementDescription"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:Declaration>
    </xsl:document>
  </xsl:template>

  <xsl:template match="dec:*[dec:Name or dec:ID or dec:Address]" priority="-1">
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="address" as="xs:boolean" select="true()"/>
    <c:Party role="{$role}">
      <xsl:for-each select="dec:Name"><c:Name><xsl:value-of select="."/></c:Name></xsl:for-each>
      <xsl:apply-templates select="dec:ID"/>
      <xsl:if test="$address"><xsl:for-each select="dec:Address"><c:Address><xsl:apply-templates select="."/></c:Address></xsl:for-each></xsl:if>
      <xsl:for-each select="dec:Communication"><c:Communication type="{dec:TypeCode}"><xsl:value-of select="dec:ID"/></c:Communication></xsl:for-each>
    </c:Party>
  </xsl:template>

  <xsl:template match="dec:ID">
    <c:Identifier scheme="{(@schemeID, 'UNSPECIFIED')[1]}"><xsl:value-of select="."/></c:Identifier>
  </xsl:template>

  <!-- the children of a canonical Address (or DeliveryAddress), in canonical order -->
  <xsl:template match="dec:Address">
    <xsl:for-each select="dec:Line"><c:Line><xsl:value-of select="."/></c:Line></xsl:for-each>
    <xsl:for-each select="dec:CityName"><c:City><xsl:value-of select="."/></c:City></xsl:for-each>
    <xsl:for-each select="dec:CountrySubDivisionCode"><c:SubdivisionCode><xsl:value-of select="."/></c:SubdivisionCode></xsl:for-each>
    <xsl:for-each select="dec:PostcodeID"><c:PostalCode><xsl:value-of select="."/></c:PostalCode></xsl:for-each>
    <xsl:for-each select="dec:CountryCode"><c:Country><xsl:value-of select="."/></c:Country></xsl:for-each>
  </xsl:template>

  <xsl:template match="dec:GovernmentAgencyGoodsItem">
    <xsl:variable name="co" select="dec:Commodity"/>
    <xsl:variable name="qty" select="dec:Packaging"/>
    <c:GoodsItem>
      <c:Sequence><xsl:value-of select="dec:SequenceNumeric"/></c:Sequence>
      <xsl:for-each select="dec:AdditionalDocument[dec:TypeCode = 'ITEM_RECORD'][1]"><c:RecordNumber><xsl:value-of select="dec:ID"/></c:RecordNumber></xsl:for-each>
      <c:Description><xsl:value-of select="$co/dec:Description"/></c:Description>
      <xsl:for-each select="$co/dec:Classification"><c:Classification scheme="{dec:IdentificationTypeCode}"><xsl:value-of select="dec:ID"/></c:Classification></xsl:for-each>
      <c:Quantity unitCode="{$qty/dec:TypeCode}"><xsl:value-of select="$qty/dec:QuantityQuantity"/></c:Quantity>
      <xsl:for-each select="$co/dec:GoodsMeasure/dec:TariffQuantity">
        <c:LegalQuantity unitCode="{(@unitCode, 'H87')[1]}"><xsl:value-of select="."/></c:LegalQuantity>
      </xsl:for-each>
      <!-- not in the WCO DM: derived from the value and the quantity as traded -->
      <xsl:if test="xs:decimal($qty/dec:QuantityQuantity) gt 0">
        <c:UnitPrice currency="{$co/dec:InvoiceLine/dec:ItemChargeAmount/@currencyID}">
          <xsl:value-of select="round(xs:decimal($co/dec:InvoiceLine/dec:ItemChargeAmount) div xs:decimal($qty/dec:QuantityQuantity), 5)"/>
        </c:UnitPrice>
      </xsl:if>
      <c:Value currency="{$co/dec:InvoiceLine/dec:ItemChargeAmount/@currencyID}"><xsl:value-of select="$co/dec:InvoiceLine/dec:ItemChargeAmount"/></c:Value>
      <xsl:for-each select="dec:CustomsValueAmount"><c:CustomsValue currency="{@currencyID}"><xsl:value-of select="."/></c:CustomsValue></xsl:for-each>
      <xsl:for-each select="dec:Origin/dec:CountryCode"><c:OriginCountry><xsl:value-of select="."/></c:OriginCountry></xsl:for-each>
      <xsl:for-each select="$co/dec:GoodsMeasure/dec:NetNetWeightMeasure"><c:NetWeight><xsl:value-of select="."/></c:NetWeight></xsl:for-each>
      <xsl:for-each select="$co/dec:GoodsMeasure/dec:GrossMassMeasure"><c:GrossWeight><xsl:value-of select="."/></c:GrossWeight></xsl:for-each>
      <xsl:for-each select="$co/dec:DangerousGoods/dec:UNDGID"><c:DangerousGoodsUNNumber><xsl:value-of select="."/></c:DangerousGoodsUNNumber></xsl:for-each>
      <xsl:for-each select="$co/dec:DutyTaxFee">
        <c:Tax>
          <c:Type><xsl:for-each select="dec:TypeCode/@listID"><xsl:attribute name="scheme" select="."/></xsl:for-each><xsl:value-of select="(dec:TypeCode, 'UNSPECIFIED')[1]"/></c:Type>
          <xsl:for-each select="dec:AdValoremTaxBaseAmount"><c:Base currency="{@currencyID}"><xsl:value-of select="."/></c:Base></xsl:for-each>
          <xsl:for-each select="dec:TaxRateNumeric"><c:Rate><xsl:value-of select="."/></c:Rate></xsl:for-each>
          <xsl:variable name="amount" select="(dec:Payment/dec:TaxAssessedAmount, dec:Payment/dec:PaymentAmount)[1]"/>
          <c:Amount currency="{($amount/@currencyID, dec:AdValoremTaxBaseAmount/@currencyID)[1]}">
            <xsl:value-of select="if ($amount) then $amount else error(xs:QName('err:VALUE_INVALID'), 'a goods item duty needs its assessed amount (Payment/TaxAssessedAmount)', .)"/>
          </c:Amount>
        </c:Tax>
      </xsl:for-each>
      <xsl:for-each select="dec:AdditionalInformation[dec:StatementTypeCode = 'AAI'][1]/dec:StatementDescription"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
    </c:GoodsItem>
  </xsl:template>
</xsl:stylesheet>
